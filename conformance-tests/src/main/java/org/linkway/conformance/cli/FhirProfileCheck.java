package org.linkway.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirProfileValidator;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * The kit's check of FHIR input against R4 and UK Core 2.0.1: sdk-fhir's {@link FhirProfileValidator}
 * (HAPI's instance validator with UK Core loaded) validates each resource against R4 and the
 * profiles it claims in {@code meta.profile}. With {@code ukCoreForUnclaimed}, a resource that
 * claims no profile is checked against UK Core's profile for its type, where UK Core 2.0.1 has one
 * ({@code UKCore-<type>}). HAPI's information messages are left out; warnings and errors are kept.
 */
final class FhirProfileCheck {

    static final String UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    private static final String UK_CORE_PACKAGE = "org/linkway/schemas/fhir/ukcore-2.0.1/structuredefinitions/UKCore-";

    /** One finding of the validator: severity, FHIR path, the profile(s) of the resource there (empty: R4 only). */
    record ProfileFinding(Severity severity, String path, String profile, String message) {
        boolean isError() {
            return severity == Severity.ERROR;
        }

        boolean isUkCore() {
            return profile.contains(UK_CORE);
        }

        @Override
        public String toString() {
            return severity + " " + (isUkCore() ? "UK Core" : "R4") + " " + (path.isEmpty() ? "/" : path)
                    + (profile.isEmpty() ? "" : " [" + profile + "]") + ": " + message;
        }
    }

    /**
     * What the check found, which resources it checked against a UK Core profile they did not claim,
     * how many resources UK Core has a profile for claim none, and how many warnings were held back
     * as advice (best-practice recommendations; codes the offline validator cannot check).
     */
    record Result(List<ProfileFinding> findings, List<String> assumed, int unclaimed, int advice) {
        boolean hasErrors() {
            return findings.stream().anyMatch(ProfileFinding::isError);
        }
    }

    /** Built on the first FHIR file only: UK Core's snapshots take tens of seconds to generate. */
    private static final class Shared {
        static final FhirProfileValidator VALIDATOR = FhirProfileValidator.create();
    }

    private FhirProfileCheck() {}

    static Result check(String json, boolean ukCoreForUnclaimed, boolean allWarnings) {
        IBaseResource parsed;
        try {
            parsed = FhirBinding.fhirContext().newJsonParser().parseResource(json);
        } catch (RuntimeException e) {
            // not readable as FHIR: the binding's own parse finding says where
            return new Result(List.of(), List.of(), 0, 0);
        }
        List<String> assumed = new ArrayList<>();
        int unclaimed = 0;
        List<Resource> resources = new ArrayList<>();
        if (parsed instanceof Bundle b) {
            b.getEntry().forEach(e -> {
                if (e.hasResource()) {
                    resources.add(e.getResource());
                }
            });
        } else if (parsed instanceof Resource r) {
            resources.add(r);
        }
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            String type = r.fhirType();
            if (r.getMeta().hasProfile() || !ukCoreHas(type)) {
                continue;
            }
            unclaimed++;
            if (ukCoreForUnclaimed) {
                r.getMeta().addProfile(UK_CORE + type);
                assumed.add((parsed instanceof Bundle ? "Bundle.entry[" + i + "].resource" : type) + " as " + UK_CORE
                        + type);
            }
        }
        List<ProfileFinding> out = new ArrayList<>();
        int advice = 0;
        for (Finding f : Shared.VALIDATOR.validate(parsed)) {
            if (f.severity() == Severity.INFORMATION) {
                continue;
            }
            if (f.severity() == Severity.WARNING && !allWarnings && isAdvice(f.message())) {
                advice++;
                continue;
            }
            String message = f.message();
            String profile = "";
            if (message.startsWith("[profile ")) {
                int end = message.indexOf("] ");
                profile = message.substring("[profile ".length(), end);
                message = message.substring(end + 2);
            }
            // HAPI writes the resource it is in as /*Type/id*/ inside the path; the path alone is the FHIR path
            out.add(new ProfileFinding(f.severity(), f.pointer().replaceAll("/\\*[^*]*\\*/", ""), profile, message));
        }
        return new Result(out, assumed, unclaimed, advice);
    }

    /**
     * HAPI's warnings that say nothing wrong about the file: best-practice advice (a narrative, an
     * Observation's performer) and codes from systems the offline validator does not hold (SNOMED CT,
     * LOINC, SDS job roles), which it cannot check either way.
     */
    static boolean isAdvice(String message) {
        return message.contains("Best Practice Recommendation")
                || message.contains("Unable to expand ValueSet")
                || message.contains("CodeSystem is unknown and can't be validated");
    }

    /** Whether UK Core 2.0.1 (as vendored in linkway-schemas) has a profile named for this resource type. */
    static boolean ukCoreHas(String type) {
        return FhirProfileCheck.class.getClassLoader().getResource(UK_CORE_PACKAGE + type + ".xml") != null;
    }
}
