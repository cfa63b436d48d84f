package org.linkway.fhir.internal;

import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * FHIR JSON text as the tree HAPI's JSON parser reads from, with the generated narratives of a
 * Bundle's entries left out.
 *
 * <p>Why: HAPI parses every {@code text.div} into an XHTML DOM and builds an entity table for each
 * one, which was a quarter of its parse of a full referral. A generated narrative is a rendering
 * of the resource's own data; the binding never reads it and the not-carried check skips it, so
 * leaving it out changes no result. Narratives of any other status (additional, extensions, empty)
 * are kept: their text may hold what the data does not, and it is reported when it is not
 * carried. The mapper is configured as HAPI configures its own, so numbers (exact decimals) and
 * accepted syntax are the same as a plain {@code parseResource}.
 */
final class FhirJsonTree {

    private static final ObjectMapper MAPPER = mapper();

    /** Resource types whose narrative a mapper reads (ConsentSection, Parties, PersonContactDetails). */
    static final Set<String> NARRATIVE_READ = Set.of("Consent", "Organization", "RelatedPerson");

    private FhirJsonTree() {}

    /**
     * The structure to hand to HAPI, or empty when the text is not a JSON object (then the caller
     * parses the text as before, so malformed input gets HAPI's own error with line and column).
     */
    static Optional<JacksonStructure> withoutGeneratedNarratives(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
        if (!(root instanceof ObjectNode object)) {
            return Optional.empty();
        }
        dropGeneratedNarratives(object);
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        return Optional.of(structure);
    }

    private static void dropGeneratedNarratives(ObjectNode bundle) {
        JsonNode entries = bundle.get("entry");
        if (entries == null || !entries.isArray()) {
            return;
        }
        for (JsonNode entry : entries) {
            if (entry.get("resource") instanceof ObjectNode resource
                    && !NARRATIVE_READ.contains(resource.path("resourceType").asText())
                    && resource.get("text") instanceof ObjectNode text
                    && text.size() == 2
                    && text.path("status").isTextual()
                    && text.path("status").textValue().equals("generated")
                    && text.path("div").isTextual()) {
                resource.remove("text");
            }
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
                .build();
        m.setNodeFactory(new JsonNodeFactory(true));
        m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);
        return m;
    }
}
