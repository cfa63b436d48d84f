package org.linkway.conformance.cli;

import java.util.Set;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Tells FHIR JSON from Linkway JSON: a FHIR resource has a FHIR resourceType and no Linkway
 * schemaVersion. Linkway's own types share some names with FHIR (Consent, CarePlan), hence the
 * schemaVersion test.
 */
final class FhirDetection {

    private static final Set<String> FHIR_TYPES = Set.of(
            "Bundle",
            "ServiceRequest",
            "Patient",
            "Task",
            "CarePlan",
            "Consent",
            "QuestionnaireResponse",
            "Communication",
            "Encounter",
            "Observation",
            "CapabilityStatement",
            "OperationOutcome",
            "Practitioner",
            "PractitionerRole",
            "Organization",
            "Condition",
            "Goal",
            "MessageHeader",
            "DocumentReference");

    private FhirDetection() {}

    static boolean isFhir(byte[] json) {
        try {
            JsonNode tree = LinkwayJson.mapper().readTree(json);
            return tree != null
                    && tree.isObject()
                    && FHIR_TYPES.contains(tree.path("resourceType").asString(""))
                    && !tree.has("schemaVersion");
        } catch (RuntimeException e) {
            return false; // not JSON at all: the validator reports it
        }
    }
}
