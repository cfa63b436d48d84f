package org.linkway.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Which way the load harness sends the same referral: Linkway JSON, a FHIR transaction Bundle, or
 * a BaRS message. Every form carries the full example referral, so the figures differ only by the
 * intake's own work.
 */
final class Intake {

    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final String MARK = "linkway-load-message-id";

    final String name;
    final String path;
    final int success;

    private Intake(String name, String path, int success) {
        this.name = name;
        this.path = path;
        this.success = success;
    }

    static Intake of(String name) {
        return switch (name) {
            case "v1" -> new Intake(name, "/v1/referrals", 201);
            case "fhir" -> new Intake(name, "/fhir/R4/Bundle", 201);
            case "bars" -> new Intake(name, "/fhir/R4/$process-message", 200);
            default -> throw new IllegalArgumentException("intake is v1, fhir or bars, not " + name);
        };
    }

    /** A request body; for a BaRS message each request gets its own message id (the message's idempotency key). */
    record Body(byte[] before, byte[] after, boolean perRequest) {
        byte[] with(String id) {
            if (!perRequest) {
                return before;
            }
            byte[] mid = id.getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(before, before.length + mid.length + after.length);
            System.arraycopy(mid, 0, out, before.length, mid.length);
            System.arraycopy(after, 0, out, before.length + mid.length, after.length);
            return out;
        }

        int length() {
            return before.length + after.length;
        }
    }

    /** The body for this intake, from the Linkway JSON referral. */
    Body body(byte[] linkwayReferral) {
        if (name.equals("v1")) {
            return new Body(linkwayReferral, new byte[0], false);
        }
        Referral referral = LinkwayJson.mapper().readValue(linkwayReferral, Referral.class);
        FhirBinding binding = FhirBinding.create();
        if (name.equals("fhir")) {
            return new Body(
                    binding.toFhirJson(referral, BundleForm.TRANSACTION).getBytes(StandardCharsets.UTF_8),
                    new byte[0],
                    false);
        }
        JsonNode entry = LinkwayJson.mapper().readTree(linkwayReferral).at("/referralDetails/entries/0");
        Bundle message = binding.toFhir(referral, BundleForm.MESSAGE);
        message.setId(MARK);
        MessageHeader header = (MessageHeader) message.getEntryFirstRep().getResource();
        header.setEvent(
                new Coding("https://fhir.nhs.uk/CodeSystem/message-events-bars", "servicerequest-request", null));
        header.getReason().addCoding(new Coding("https://fhir.nhs.uk/CodeSystem/message-reason-bars", "new", null));
        header.setSender(ods(entry.at("/referrerDetails/organisation/code").asString()));
        header.addDestination()
                .setEndpoint(entry.at("/referralTo/organisation/code").asString() + ":load")
                .setReceiver(ods(entry.at("/referralTo/organisation/code").asString()));
        String json = FhirBinding.fhirContext().newJsonParser().encodeResourceToString(message);
        int at = json.indexOf(MARK);
        return new Body(
                json.substring(0, at).getBytes(StandardCharsets.UTF_8),
                json.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8),
                true);
    }

    private static Reference ods(String code) {
        return new Reference().setIdentifier(new Identifier().setSystem(ODS).setValue(code));
    }
}
