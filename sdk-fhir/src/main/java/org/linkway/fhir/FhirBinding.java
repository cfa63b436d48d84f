package org.linkway.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.linkway.fhir.internal.Engine;
import org.linkway.model.Assessment;
import org.linkway.model.CarePlan;
import org.linkway.model.MessageBack;
import org.linkway.model.MessageType;
import org.linkway.model.OnwardReferral;
import org.linkway.model.PrsbMessage;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ReadResult;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FHIR R4 binding of the PRSB social prescribing messages: Linkway messages to FHIR Bundles
 * and back, losslessly. Referral and onward referral become ServiceRequest + Task (transaction or
 * message form); a message back becomes a document with a Composition; a care plan becomes
 * CarePlan + Goal; an assessment becomes QuestionnaireResponse + Observation.
 *
 * <p>Thread-safe and cheap to share: the HAPI {@link FhirContext} behind it is built once per JVM.
 * Conversion does not run HAPI's profile validator; use {@link FhirProfileValidator} for that.
 * Reading never throws on bad input: it returns findings with FHIR paths instead.
 */
public final class FhirBinding {

    private static final FhirBinding DEFAULT = new FhirBinding(MessageValidator.create());

    /**
     * FHIR is wordier than Linkway JSON (pretty-printed, about 4 times for a full referral and 4.7 for a
     * message back, now that each PRSB record is a resource of its own): eight times the validator's limit.
     */
    public static final int MAX_FHIR_CHARS = 8 * MessageValidator.DEFAULT_MAX_BYTES;

    private final MessageValidator validator;

    private FhirBinding(MessageValidator validator) {
        this.validator = validator;
    }

    /** The shared binding, validating converted messages with the default {@link MessageValidator}. */
    public static FhirBinding create() {
        return DEFAULT;
    }

    /** A binding whose read side validates converted messages with this validator (e.g. a fixed clock). */
    public static FhirBinding withValidator(MessageValidator validator) {
        return new FhirBinding(validator);
    }

    /** HAPI's R4 context the binding uses, for callers who parse or encode FHIR themselves. */
    public static FhirContext fhirContext() {
        return Engine.context();
    }

    /** The message types with a FHIR binding. */
    public static List<MessageType> supportedTypes() {
        return List.of(
                MessageType.REFERRAL,
                MessageType.MESSAGE_BACK,
                MessageType.CARE_PLAN,
                MessageType.ASSESSMENT,
                MessageType.ONWARD_REFERRAL,
                MessageType.HOSPITAL_DISCHARGE);
    }

    // ------------------------------------------------------------------ Linkway -> FHIR

    /** Referral -> Bundle (transaction or message) with ServiceRequest, Task, Patient and the referral's records. */
    public Bundle toFhir(Referral referral, BundleForm form) {
        return toBundle(MessageType.REFERRAL, referral, form);
    }

    /** Message back -> document Bundle (Composition first). */
    public Bundle toFhir(MessageBack messageBack) {
        return toBundle(MessageType.MESSAGE_BACK, messageBack, BundleForm.TRANSACTION);
    }

    /** Care plan -> transaction Bundle with CarePlan, Conditions (needs) and Goals. */
    public Bundle toFhir(CarePlan carePlan) {
        return toBundle(MessageType.CARE_PLAN, carePlan, BundleForm.TRANSACTION);
    }

    /** Assessment -> transaction Bundle with QuestionnaireResponse and Observation. */
    public Bundle toFhir(Assessment assessment) {
        return toBundle(MessageType.ASSESSMENT, assessment, BundleForm.TRANSACTION);
    }

    /** Onward referral -> Bundle (transaction or message) with ServiceRequest and a Task owned by the provider. */
    public Bundle toFhir(OnwardReferral onwardReferral, BundleForm form) {
        return toBundle(MessageType.ONWARD_REFERRAL, onwardReferral, form);
    }

    /**
     * Any supported Linkway message -> Bundle. {@code form} matters for Referral and OnwardReferral;
     * a message back is always a document, care plans and assessments transactions.
     *
     * @throws IllegalArgumentException when the message type has no FHIR binding (see {@link #supportedTypes()})
     */
    public Bundle toBundle(PrsbMessage message, BundleForm form) {
        return toBundle(message.messageType(), message, form);
    }

    /** As {@link #toBundle(PrsbMessage, BundleForm)}, encoded as pretty-printed FHIR JSON. */
    public String toFhirJson(PrsbMessage message, BundleForm form) {
        return Engine.encode(toBundle(message, form), true);
    }

    /**
     * Linkway JSON text (any supported message) -> FHIR JSON, for tools that work on files (the
     * conformance kit's convert command). The Linkway message is validated first; an invalid one
     * gives its findings and no output.
     */
    public FhirJsonResult linkwayJsonToFhir(String linkwayJson, BundleForm form) {
        var validation = validator.validate(linkwayJson);
        if (!validation.isValid() || validation.messageType().isEmpty()) {
            return new FhirJsonResult(null, validation.findings());
        }
        MessageType type =
                MessageType.fromResourceType(validation.messageType().get()).orElseThrow();
        if (!supportedTypes().contains(type)) {
            return new FhirJsonResult(
                    null,
                    List.of(new Finding(
                            Severity.ERROR,
                            Rule.MESSAGE_TYPE.id(),
                            "/resourceType",
                            "",
                            "A " + type.resourceType() + " has no FHIR binding; bound types: " + supportedTypes())));
        }
        JsonNode tree = LinkwayJson.mapper().readTree(linkwayJson);
        return new FhirJsonResult(
                Engine.encode(Engine.toBundle(type, (ObjectNode) tree, form == BundleForm.MESSAGE), true),
                validation.findings());
    }

    private Bundle toBundle(MessageType type, PrsbMessage message, BundleForm form) {
        if (!supportedTypes().contains(type)) {
            throw new IllegalArgumentException("No FHIR binding for " + type.resourceType());
        }
        ObjectNode tree = LinkwayJson.mapper().valueToTree(message);
        return Engine.toBundle(type, tree, form == BundleForm.MESSAGE);
    }

    // ------------------------------------------------------------------ FHIR -> Linkway

    /** FHIR JSON (a Bundle) -> whichever Linkway message it holds, or findings. Never throws on bad input. */
    public FhirReadResult<PrsbMessage> fromFhir(String fhirJson) {
        FhirReadResult<PrsbMessage> refused = refuse(fhirJson);
        return refused != null ? refused : finish(Engine.read(fhirJson), PrsbMessage.class);
    }

    /** FHIR JSON -> a Linkway message of the given type, or findings (a Bundle of another type is a finding). */
    public <T extends PrsbMessage> FhirReadResult<T> fromFhir(String fhirJson, Class<T> type) {
        FhirReadResult<T> refused = refuse(fhirJson);
        return refused != null ? refused : finish(Engine.read(fhirJson), type);
    }

    /** A parsed Bundle -> a Linkway message of the given type, or findings. */
    public <T extends PrsbMessage> FhirReadResult<T> fromFhir(Bundle bundle, Class<T> type) {
        return finish(Engine.read(bundle), type);
    }

    /** FHIR JSON text -> the Linkway JSON it converts to, pretty-printed, with every finding (for file tools). */
    public FhirJsonResult fhirToLinkwayJson(String fhirJson) {
        FhirReadResult<PrsbMessage> r = fromFhir(fhirJson);
        return new FhirJsonResult(
                r.message()
                        .map(m -> LinkwayJson.mapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(m))
                        .orElse(null),
                r.findings());
    }

    private static <T> FhirReadResult<T> refuse(String fhirJson) {
        if (fhirJson == null) {
            return new FhirReadResult<>(
                    null,
                    null,
                    List.of(new Finding(Severity.ERROR, Rule.FHIR_MALFORMED.id(), "Bundle", "", "No input.")));
        }
        if (fhirJson.length() > MAX_FHIR_CHARS) {
            return new FhirReadResult<>(
                    null,
                    null,
                    List.of(new Finding(
                            Severity.ERROR,
                            Rule.INPUT_TOO_LARGE.id(),
                            "Bundle",
                            "",
                            "The FHIR input has " + fhirJson.length() + " characters; the reader accepts at most "
                                    + MAX_FHIR_CHARS + ".")));
        }
        return null;
    }

    private <T extends PrsbMessage> FhirReadResult<T> finish(Engine.Read read, Class<T> wanted) {
        List<Finding> findings = new ArrayList<>(read.findings());
        if (read.linkway() == null) {
            return new FhirReadResult<>(read.type(), null, findings);
        }
        Class<? extends PrsbMessage> actual = read.type().javaType();
        if (wanted != PrsbMessage.class && wanted != actual) {
            findings.add(new Finding(
                    Severity.ERROR,
                    Rule.FHIR_STRUCTURE.id(),
                    "Bundle",
                    "",
                    "The Bundle holds a " + read.type().resourceType() + ", not a " + wanted.getSimpleName() + "."));
            return new FhirReadResult<>(read.type(), null, findings);
        }
        ReadResult<?> checked = validator.read(LinkwayJson.mapper().writeValueAsString(read.linkway()), actual);
        findings.addAll(checked.validation().findings());
        Object message = checked.message().orElse(null);
        boolean ok = findings.stream().noneMatch(Finding::isError);
        return new FhirReadResult<>(read.type(), ok ? wanted.cast(message) : null, findings);
    }
}
