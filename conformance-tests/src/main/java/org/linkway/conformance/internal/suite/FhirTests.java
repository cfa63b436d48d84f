package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FHIR;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR R4 facade, an optional endpoint. Every test first asks /fhir/R4/metadata: 404, 501
 * or 503 means not implemented (omitted unless the fhir profile is claimed, then a failure).
 */
final class FhirTests {

    static final String BASE = "/fhir/R4";

    private FhirTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "FH-01",
                        FHIR,
                        "/fhir/R4/metadata is a FHIR R4 CapabilityStatement as application/fhir+json",
                        List.of("LW-FHR-001"),
                        FhirTests::metadata),
                shall(
                        "FH-02",
                        FHIR,
                        "A received referral reads as a FHIR ServiceRequest",
                        List.of("LW-FHR-002"),
                        FhirTests::serviceRequest),
                shall(
                        "FH-03",
                        FHIR,
                        "An unknown FHIR resource id is 404 with an OperationOutcome",
                        List.of("LW-FHR-003"),
                        FhirTests::unknown),
                shall(
                        "FH-04",
                        FHIR,
                        "The registered GP practice reads the message back as a FHIR document with its own token",
                        List.of("LW-FHR-004"),
                        FhirTests::gpDocument));
    }

    static Http.Answer probe(Ctx ctx) {
        Http.Answer metadata = ctx.http().get(BASE + "/metadata", "Accept", "application/fhir+json");
        ctx.optionalEndpoint(metadata, FHIR);
        return metadata;
    }

    static void metadata(Ctx ctx) {
        Http.Answer m = ctx.expect(probe(ctx), 200);
        String type = m.header("Content-Type");
        ctx.check(
                type != null && type.startsWith("application/fhir+json"), "%s: Content-Type is %s", m.describe(), type);
        JsonNode cs = m.json();
        ctx.check(
                "CapabilityStatement".equals(cs.path("resourceType").asString("")),
                "%s: resourceType is '%s'",
                m.describe(),
                cs.path("resourceType").asString(""));
        ctx.check(
                cs.path("fhirVersion").asString("").startsWith("4.0"),
                "%s: fhirVersion is '%s', not 4.0.x",
                m.describe(),
                cs.path("fhirVersion").asString(""));
    }

    static void serviceRequest(Ctx ctx) {
        probe(ctx);
        String id = Journey.referId(ctx);
        Http.Answer sr =
                ctx.expect(ctx.http().get(BASE + "/ServiceRequest/" + id, "Accept", "application/fhir+json"), 200);
        ctx.check(
                "ServiceRequest".equals(sr.json().path("resourceType").asString("")),
                "%s: resourceType is '%s'",
                sr.describe(),
                sr.json().path("resourceType").asString(""));
    }

    static void unknown(Ctx ctx) {
        probe(ctx);
        Http.Answer a = ctx.expect(
                ctx.http().get(BASE + "/ServiceRequest/no-such-request", "Accept", "application/fhir+json"), 404);
        ctx.check(
                "OperationOutcome".equals(a.json().path("resourceType").asString("")),
                "%s: not an OperationOutcome",
                a.describe());
    }

    static void gpDocument(Ctx ctx) {
        probe(ctx);
        Http gp = Recipients.gp(ctx);
        GpPracticeTests.Closed c = GpPracticeTests.closed(ctx);
        Http.Answer a = gp.get(BASE + "/Bundle/" + c.id(), "Accept", "application/fhir+json");
        ctx.check(
                a.status() == 200,
                "the GP practice %s reads the message back as a FHIR document: %s",
                Recipients.gpCode(ctx),
                a.describeWithBody());
        String type = a.header("Content-Type");
        ctx.check(
                type != null && type.startsWith("application/fhir+json"), "%s: Content-Type is %s", a.describe(), type);
        JsonNode bundle = a.json();
        ctx.check(
                "Bundle".equals(bundle.path("resourceType").asString(""))
                        && "document".equals(bundle.path("type").asString("")),
                "%s: not a FHIR document Bundle (resourceType '%s', type '%s')",
                a.describe(),
                bundle.path("resourceType").asString(""),
                bundle.path("type").asString(""));
        ctx.check(
                "Composition".equals(bundle.at("/entry/0/resource/resourceType").asString("")),
                "%s: the document's first entry is '%s', not its Composition",
                a.describe(),
                bundle.at("/entry/0/resource/resourceType").asString(""));
    }
}
