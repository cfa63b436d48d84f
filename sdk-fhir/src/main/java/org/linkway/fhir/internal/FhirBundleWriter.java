package org.linkway.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources one conversion produces, in Bundle order. Full URLs are name-based UUIDs derived
 * from the message, so converting the same message twice gives the same Bundle (golden files,
 * idempotent re-sends).
 */
final class FhirBundleWriter {

    private final String seed;
    private final List<Resource> resources = new ArrayList<>();
    private final Map<Resource, String> urls = new IdentityHashMap<>();
    private int counter;

    FhirBundleWriter(String seed) {
        this.seed = seed;
    }

    <R extends Resource> R add(R resource) {
        String url = uuid(resource.fhirType() + "/" + (counter++));
        UkCore.claim(resource);
        resources.add(resource);
        urls.put(resource, url);
        return resource;
    }

    String uuid(String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    String url(Resource r) {
        return urls.get(r);
    }

    Reference ref(Resource r) {
        return new Reference(urls.get(r));
    }

    List<Resource> resources() {
        return resources;
    }

    /** Adds one of Linkway's narrow extensions (nothing when the value is null). */
    static void ext(DomainResource r, Extensions.Def def, Type value) {
        if (value != null) {
            r.addExtension(new Extension(def.url(), value));
        }
    }

    /** Adds an extension built elsewhere (UK Core's), nothing when it is null. */
    static void ext(DomainResource r, Extension x) {
        if (x != null) {
            r.addExtension(x);
        }
    }

    /** The same on an element (a care plan activity). */
    static void ext(Element e, Extensions.Def def, Type value) {
        if (value != null) {
            e.addExtension(new Extension(def.url(), value));
        }
    }

    /** Puts what FHIR had no element for on the resource, as Linkway JSON (nothing when nothing is left). */
    /** The same for a backbone element (a care plan activity) that has no resource of its own. */
    static void remainder(Element element, LinkwayJsonSource src) {
        if (src == null) {
            return;
        }
        ObjectNode rest = src.rest();
        if (rest != null) {
            element.addExtension(new Extension(
                    Urls.EXT_LINKWAY_DATA, new StringType(LinkwayJson.mapper().writeValueAsString(rest))));
        }
    }

    static void remainder(DomainResource r, LinkwayJsonSource src) {
        if (src == null) {
            return;
        }
        ObjectNode rest = src.rest();
        if (rest != null) {
            r.addExtension(new Extension(
                    Urls.EXT_LINKWAY_DATA, new StringType(LinkwayJson.mapper().writeValueAsString(rest))));
        }
    }
}
