package org.linkway.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.model.MessageType;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/** The conversions behind {@code org.linkway.fhir.FhirBinding}, on Linkway JSON trees. */
public final class Engine {

    /** HAPI's context is costly to build (model scan) and thread-safe once built: one per JVM. */
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Engine() {}

    public static FhirContext context() {
        return CONTEXT;
    }

    /** Linkway message (as JSON tree) -> Bundle; {@code message} picks the FHIR message form where there is one. */
    public static Bundle toBundle(MessageType type, ObjectNode linkway, boolean message) {
        // the typed model's 9.0 and JSON text's 9 are one number: written one way (in place; callers own the tree)
        Numbers.canonicalise(linkway);
        return switch (type) {
            case REFERRAL -> ReferralMapper.write(linkway, message);
            case MESSAGE_BACK -> MessageBackMapper.write(linkway);
            case CARE_PLAN -> CarePlanMapper.write(linkway);
            case ASSESSMENT -> AssessmentMapper.write(linkway);
            case ONWARD_REFERRAL -> OnwardReferralMapper.write(linkway, message);
            case HOSPITAL_DISCHARGE -> HospitalStayMapper.write(linkway);
            default -> throw new IllegalArgumentException("No FHIR binding for " + type.resourceType() + " yet");
        };
    }

    public static String encode(Bundle bundle, boolean pretty) {
        return CONTEXT.newJsonParser().setPrettyPrint(pretty).encodeResourceToString(bundle);
    }

    /** The outcome of reading FHIR: the Linkway JSON (null on error) and every finding. */
    public static final class Read {
        private final MessageType type;
        private final ObjectNode linkway;
        private final List<Finding> findings;

        Read(MessageType type, ObjectNode linkway, List<Finding> findings) {
            this.type = type;
            this.linkway = linkway;
            this.findings = List.copyOf(findings);
        }

        public MessageType type() {
            return type;
        }

        public ObjectNode linkway() {
            return linkway;
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    public static Read read(String json) {
        List<Finding> findings = new ArrayList<>();
        Bundle bundle;
        try {
            JsonParser parser = (JsonParser) CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            var tree = FhirJsonTree.withoutGeneratedNarratives(json);
            var resource = tree.isPresent() ? parser.parseResource(tree.get()) : parser.parseResource(json);
            if (!(resource instanceof Bundle b)) {
                findings.add(new Finding(
                        Severity.ERROR,
                        Rule.FHIR_RESOURCE_TYPE.id(),
                        resource.fhirType(),
                        "",
                        "A Linkway message in FHIR is a Bundle, not a " + resource.fhirType() + "."));
                return new Read(null, null, findings);
            }
            bundle = b;
        } catch (RuntimeException | StackOverflowError e) {
            findings.add(new Finding(
                    Severity.ERROR, Rule.FHIR_MALFORMED.id(), "Bundle", "", ParseProblems.describe(json, e)));
            return new Read(null, null, findings);
        }
        return read(bundle);
    }

    public static Read read(Bundle bundle) {
        FhirBundleReader in = new FhirBundleReader(bundle);
        MessageType type = null;
        ObjectNode out = null;
        try {
            type = typeOf(bundle, in);
            if (type != null) {
                out = switch (type) {
                    case REFERRAL -> ReferralMapper.read(in);
                    case MESSAGE_BACK -> MessageBackMapper.read(in);
                    case CARE_PLAN -> CarePlanMapper.read(in);
                    case ASSESSMENT -> AssessmentMapper.read(in);
                    case ONWARD_REFERRAL -> OnwardReferralMapper.read(in);
                    case HOSPITAL_DISCHARGE -> HospitalStayMapper.read(in);
                    default -> null;
                };
                in.reportUnused();
                if (out != null && in.findings.stream().noneMatch(Finding::isError)) {
                    NotCarried.report(in, out, rewrite(type, out));
                }
            }
        } catch (RuntimeException e) {
            in.error(Rule.FHIR_STRUCTURE, "Bundle", "The Bundle could not be mapped: " + oneLine(String.valueOf(e)));
            out = null;
        }
        boolean failed = in.findings.stream().anyMatch(Finding::isError);
        return new Read(type, failed ? null : out, in.findings);
    }

    /** The message read, written to FHIR again: what the binding itself would say (null if it cannot). */
    private static Bundle rewrite(MessageType type, ObjectNode linkway) {
        try {
            return toBundle(type, linkway.deepCopy(), false);
        } catch (RuntimeException e) {
            return null; // then only what the message holds counts as carried: more is reported, nothing hidden
        }
    }

    /** Which Linkway message a Bundle holds, from its shape (message event, Composition type, resources). */
    private static MessageType typeOf(Bundle bundle, FhirBundleReader in) {
        if (!bundle.hasType()) {
            in.error(Rule.FHIR_STRUCTURE, "Bundle.type", "The Bundle has no type.");
            return null;
        }
        List<Resource> resources = new ArrayList<>();
        bundle.getEntry().forEach(e -> {
            if (e.getResource() != null) {
                resources.add(e.getResource());
            }
        });
        if (!resources.isEmpty() && resources.get(0) instanceof MessageHeader h) {
            in.use(h);
            // a message says what it is about in its focus (BaRS sends a referral with a CarePlan,
            // questionnaire answers and more beside it): the referral is the message, the rest is read or reported
            for (Reference focus : h.getFocus()) {
                if (in.lookup(focus) instanceof ServiceRequest sr
                        && Codes.is(sr.getCode(), Urls.SNOMED, Urls.REFERRAL_TO_SP)) {
                    return MessageType.REFERRAL;
                }
            }
        }
        if (resources.stream().anyMatch(r -> r instanceof Composition)) {
            return MessageType.MESSAGE_BACK;
        }
        if (resources.stream().anyMatch(r -> r instanceof CarePlan)) {
            return MessageType.CARE_PLAN;
        }
        if (resources.stream().anyMatch(r -> r instanceof Encounter e && HospitalStayMapper.isStay(e))) {
            return MessageType.HOSPITAL_DISCHARGE;
        }
        if (resources.stream().anyMatch(r -> r instanceof QuestionnaireResponse)) {
            return MessageType.ASSESSMENT;
        }
        for (Resource r : resources) {
            if (r instanceof ServiceRequest sr) {
                return Codes.is(sr.getCode(), Urls.SNOMED, Urls.REFERRAL_TO_SP)
                        ? MessageType.REFERRAL
                        : MessageType.ONWARD_REFERRAL;
            }
        }
        if (resources.stream().anyMatch(r -> r instanceof Observation)) {
            return MessageType.ASSESSMENT;
        }
        in.error(
                Rule.FHIR_STRUCTURE,
                "Bundle.entry",
                "The Bundle holds none of the resources a Linkway message maps to "
                        + "(ServiceRequest, Composition, CarePlan, QuestionnaireResponse).");
        return null;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
