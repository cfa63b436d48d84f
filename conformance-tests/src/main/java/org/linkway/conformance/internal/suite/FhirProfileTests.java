package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.FHIR;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import org.linkway.fhir.FhirProfileValidator;
import org.linkway.validation.Finding;

/**
 * What the server serves as FHIR, put through HAPI's own validator: the R4 base definitions
 * (cardinality, types, bindings) and UK Core 2.0.1 for each resource that claims a UK Core
 * profile. A missing required element is an error here even when the resource parses.
 */
final class FhirProfileTests {

    private FhirProfileTests() {}

    /** One validator per JVM: UK Core's snapshots take tens of seconds to generate. */
    private static final class Shared {
        static final FhirProfileValidator VALIDATOR = FhirProfileValidator.create();
    }

    static List<TestCase> tests() {
        return List.of(shall(
                "FH-05",
                FHIR,
                "The FHIR the server serves (ServiceRequest, the message back document) has no error against R4 and the UK Core profiles it claims",
                List.of("LW-FHR-005"),
                FhirProfileTests::servedFhirValidates));
    }

    static void servedFhirValidates(Ctx ctx) {
        FhirTests.probe(ctx);
        String open = Journey.referId(ctx);
        check(ctx, ctx.http().get("/fhir/R4/ServiceRequest/" + open, "Accept", "application/fhir+json"));
        String closed = LifecycleTests.reach(ctx, "completed");
        String id = closed.substring(closed.lastIndexOf('/') + 1);
        check(ctx, ctx.http().get("/fhir/R4/Bundle/" + id, "Accept", "application/fhir+json"));
    }

    private static void check(Ctx ctx, Http.Answer a) {
        ctx.expect(a, 200);
        List<Finding> errors = Shared.VALIDATOR.validate(a.body()).stream()
                .filter(Finding::isError)
                .toList();
        ctx.check(
                errors.isEmpty(),
                "%s: %d error(s) against R4/UK Core, first: %s",
                a.describe(),
                errors.size(),
                errors.isEmpty()
                        ? ""
                        : errors.get(0).pointer() + " " + errors.get(0).message());
    }
}
