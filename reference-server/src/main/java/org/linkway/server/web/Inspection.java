package org.linkway.server.web;

import java.util.List;
import java.util.Optional;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirJsonResult;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks one pasted message with the SDK, the way a receiving system would: a Linkway JSON message
 * with the validator, a FHIR Bundle by reading it through the FHIR binding (which validates what
 * it reads). A message that reads cleanly is converted to the other form, so a person sees both.
 * Nothing is stored or logged.
 */
final class Inspection {

    enum Form {
        LINKWAY("Linkway JSON"),
        FHIR("FHIR R4 Bundle");

        final String label;

        Form(String label) {
            this.label = label;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param converted the other form, laid out; empty when the message has errors or its type has no other form
     */
    record Result(
            Form form,
            Optional<String> messageType,
            List<Finding> findings,
            SourceLines source,
            Optional<String> converted) {

        boolean valid() {
            return findings.stream().noneMatch(Finding::isError);
        }

        Form convertedForm() {
            return form == Form.FHIR ? Form.LINKWAY : Form.FHIR;
        }
    }

    private final MessageValidator validator;
    private volatile FhirBinding binding;

    Inspection(MessageValidator validator) {
        this.validator = validator;
    }

    /** Made at the first use, not at start-up: loading the binding brings in HAPI's classes. */
    private FhirBinding binding() {
        FhirBinding b = binding;
        if (b == null) {
            b = FhirBinding.withValidator(validator);
            binding = b;
        }
        return b;
    }

    /** The findings and conversion, or a 400 problem when the text is not a JSON object at all. */
    Result inspect(String text) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            // the validator's finding names the rule, the line and the column
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    "the message is not well-formed JSON: " + e.getOriginalMessage(),
                    validator.validate(text).findings());
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    "the message must be a JSON object: a Linkway message or a FHIR Bundle",
                    validator.validate(text).findings());
        }
        SourceLines source = SourceLines.of(tree);
        return isFhir(tree) ? fhir(text, source) : linkway(text, source);
    }

    /** A FHIR Bundle says so and, unlike every Linkway message, carries no schemaVersion. */
    static boolean isFhir(JsonNode tree) {
        return "Bundle".equals(tree.path("resourceType").asString("")) && !tree.has("schemaVersion");
    }

    private Result linkway(String text, SourceLines source) {
        ValidationResult validation = validator.validate(text);
        Optional<String> converted = Optional.empty();
        if (validation.isValid()) {
            FhirJsonResult fhir = binding().linkwayJsonToFhir(text, BundleForm.TRANSACTION);
            converted = fhir.output().map(Inspection::laidOut);
        }
        return new Result(Form.LINKWAY, validation.messageType(), validation.findings(), source, converted);
    }

    private Result fhir(String text, SourceLines source) {
        FhirReadResult<PrsbMessage> read = binding().fromFhir(text);
        Optional<String> converted = read.message()
                .filter(m -> read.isValid())
                .map(m -> laidOut(LinkwayJson.mapper().writeValueAsString(m)));
        return new Result(
                Form.FHIR, read.messageType().map(MessageType::resourceType), read.findings(), source, converted);
    }

    private static String laidOut(String json) {
        return SourceLines.of(Json.MAPPER.readTree(json)).text();
    }
}
