package org.linkway.fhir.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;

/** Names the profile a validator message was checked against, from the resource at its FHIR path. */
public final class ProfileLocator {

    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource");

    private ProfileLocator() {}

    /** {@code "[profile <url>] "} when the resource at the location claims a profile, else "". */
    public static String prefix(IBaseResource root, String location) {
        Resource at = resourceAt(root, location == null ? "" : location);
        if (at == null || !at.hasMeta() || !at.getMeta().hasProfile()) {
            return "";
        }
        StringBuilder out = new StringBuilder("[profile ");
        boolean first = true;
        for (CanonicalType p : at.getMeta().getProfile()) {
            out.append(first ? "" : ", ").append(p.getValue());
            first = false;
        }
        return out.append("] ").toString();
    }

    private static Resource resourceAt(IBaseResource root, String location) {
        if (root instanceof Bundle bundle) {
            Matcher m = ENTRY.matcher(location);
            if (m.find()) {
                int i = Integer.parseInt(m.group(1));
                return i < bundle.getEntry().size() ? bundle.getEntry().get(i).getResource() : null;
            }
            return bundle;
        }
        return root instanceof Resource r ? r : null;
    }
}
