package org.linkway.conformance.cli;

import java.util.Set;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
            return looksLikeFhir(json);
        }
    }

    /**
     * A file that is not well-formed JSON (truncated, say) is FHIR when what can be read of it
     * says so: a top-level FHIR resourceType and no schemaVersion before the break. It then goes
     * to the FHIR reader, whose finding names the line and column, rather than being called
     * "not a Linkway message".
     */
    private static boolean looksLikeFhir(byte[] json) {
        String type = null;
        boolean schemaVersion = false;
        try (JsonParser p = LinkwayJson.mapper().createParser(json)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.PROPERTY_NAME && depth == 1) {
                    String name = p.currentName();
                    if ("schemaVersion".equals(name)) {
                        schemaVersion = true;
                    } else if ("resourceType".equals(name) && p.nextToken() == JsonToken.VALUE_STRING) {
                        type = p.getString();
                    }
                }
            }
        } catch (RuntimeException e) {
            // the break: decide on what came before it
        }
        return type != null && FHIR_TYPES.contains(type) && !schemaVersion;
    }
}
