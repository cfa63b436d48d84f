package org.linkway.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Resource;
import org.linkway.model.MessageType;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** Wraps the resources of one conversion into a transaction, message or document Bundle. */
final class Bundles {

    /** Where Linkway-produced FHIR messages say they come from when the caller names no endpoint. */
    static final String SOURCE_ENDPOINT = "urn:linkway:sdk";

    private Bundles() {}

    /** The seed for name-based full URLs: the message id when it has one, else a digest of its content. */
    static String seed(ObjectNode message) {
        if (message.get("id") != null && message.get("id").isString()) {
            return message.get("resourceType").asString("") + "/"
                    + message.get("id").stringValue();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(LinkwayJson.mapper().writeValueAsString(message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Consumes schemaVersion and prsbVersion when they hold what this library writes (the reader puts them back). */
    static void versions(LinkwayJsonSource root) {
        if (MessageType.SCHEMA_VERSION.equals(root.peek("schemaVersion"))) {
            root.str("schemaVersion");
        }
        if (MessageType.PRSB_VERSION.equals(root.peek("prsbVersion"))) {
            root.str("prsbVersion");
        }
        root.take("resourceType");
    }

    static ObjectNode start(String resourceType) {
        ObjectNode o = LinkwayJsonBuilder.obj();
        o.put("resourceType", resourceType);
        return o;
    }

    /** Puts back the versions {@link #versions} consumed (a remainder carries any other value). */
    static ObjectNode finish(ObjectNode o) {
        if (!o.has("schemaVersion")) {
            o.put("schemaVersion", MessageType.SCHEMA_VERSION);
        }
        if (!o.has("prsbVersion")) {
            o.put("prsbVersion", MessageType.PRSB_VERSION);
        }
        return o;
    }

    static Bundle transaction(FhirBundleWriter out) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource r : out.resources()) {
            b.addEntry()
                    .setFullUrl(out.url(r))
                    .setResource(r)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl(r.fhirType());
        }
        return b;
    }

    static Bundle message(FhirBundleWriter out, String event, String eventDisplay, Resource focus) {
        Bundle b = new Bundle().setType(Bundle.BundleType.MESSAGE);
        b.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(out.uuid("Bundle")));
        MessageHeader h = new MessageHeader();
        h.setEvent(new Coding(Urls.CS_MESSAGE_EVENT, event, eventDisplay));
        h.getSource().setName("Linkway").setEndpoint(SOURCE_ENDPOINT);
        h.addFocus(out.ref(focus));
        b.addEntry().setFullUrl(out.uuid("MessageHeader")).setResource(h);
        for (Resource r : out.resources()) {
            b.addEntry().setFullUrl(out.url(r)).setResource(r);
        }
        return b;
    }

    static Bundle collection(FhirBundleWriter out) {
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource r : out.resources()) {
            b.addEntry().setFullUrl(out.url(r)).setResource(r);
        }
        return b;
    }
}
