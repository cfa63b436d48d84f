package org.linkway.conformance.internal.sender;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a referral the sender posted, the way a receiving server would: Linkway JSON through the
 * standard's validator, a FHIR Bundle through the SDK's FHIR binding (which validates the referral
 * it carries too). Never throws on bad input: what cannot be read is a finding.
 */
final class SenderIntake {

    /** What a referral body holds: the findings, and the Linkway referral when it is one without errors. */
    record Reading(List<Finding> findings, boolean readable, ObjectNode referral) {}

    private final MessageValidator validator = MessageValidator.create();
    private FhirBinding fhir;

    Reading read(Received.Kind kind, String body) {
        try {
            return kind == Received.Kind.FHIR_REFERRAL ? fhir(body) : linkway(body);
        } catch (RuntimeException e) {
            return new Reading(List.of(finding(Rule.INPUT_UNREADABLE, "the kit could not read it: " + e)), false, null);
        }
    }

    private Reading linkway(String body) {
        ValidationResult r = validator.validate(body.getBytes(StandardCharsets.UTF_8));
        boolean isReferral = r.messageType().map("Referral"::equals).orElse(false);
        List<Finding> findings = r.findings();
        if (!isReferral && r.messageType().isPresent()) {
            findings = append(
                    findings, finding(Rule.MESSAGE_TYPE, "a " + r.messageType().get() + ", not a Referral"));
        }
        boolean readable =
                isReferral || findings.stream().noneMatch(f -> f.ruleId().startsWith("LW-INPUT-"));
        ObjectNode referral =
                isReferral && r.isValid() ? (ObjectNode) LinkwayJson.mapper().readTree(body) : null;
        return new Reading(findings, readable, referral);
    }

    private Reading fhir(String body) {
        FhirReadResult<PrsbMessage> r = fhirBinding().fromFhir(body);
        List<Finding> findings = r.findings();
        boolean isReferral = r.messageType().map(t -> t == MessageType.REFERRAL).orElse(false);
        if (!isReferral && r.messageType().isPresent()) {
            findings = append(
                    findings,
                    finding(Rule.MESSAGE_TYPE, "a " + r.messageType().get().resourceType() + ", not a referral"));
        }
        ObjectNode referral = isReferral && r.isValid() && r.message().isPresent()
                ? (ObjectNode) LinkwayJson.mapper().valueToTree(r.message().get())
                : null;
        boolean readable = findings.stream().noneMatch(f -> f.ruleId().equals(Rule.FHIR_MALFORMED.id()));
        return new Reading(findings, readable, referral);
    }

    /** Built on the first FHIR referral only: HAPI's model takes a second or two to load. */
    FhirBinding fhirBinding() {
        if (fhir == null) {
            fhir = FhirBinding.create();
        }
        return fhir;
    }

    /** The media type a referral to this endpoint must declare. */
    static String mediaType(Received.Kind kind) {
        return kind == Received.Kind.FHIR_REFERRAL ? "application/fhir+json" : "application/json";
    }

    /** True when the Content-Type names the endpoint's media type (parameters such as charset allowed). */
    static boolean rightContentType(Received.Kind kind, String contentType) {
        if (contentType == null) {
            return false;
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return bare.equals(mediaType(kind));
    }

    /** An RFC 9457 problem document of one of the contract's types, with findings when there are any. */
    static String problem(ProblemType type, String detail, List<Finding> findings) {
        ObjectNode p = LinkwayJson.mapper().createObjectNode();
        p.put("type", type.type());
        p.put("title", type.title());
        p.put("status", type.status());
        p.put("detail", detail);
        if (!findings.isEmpty()) {
            ArrayNode list = p.putArray("findings");
            for (Finding f : findings) {
                list.addObject()
                        .put("severity", f.severity().name())
                        .put("ruleId", f.ruleId())
                        .put("pointer", f.pointer())
                        .put("prsbPath", f.prsbPath())
                        .put("message", f.message());
            }
        }
        return p.toString();
    }

    /** The 201 body of a Linkway referral: what was sent, with the id and status the receiver assigns. */
    static String created(ObjectNode referral, String id) {
        ObjectNode copy = referral.deepCopy();
        copy.put("id", id);
        copy.put("status", "received");
        return copy.toString();
    }

    /** The 201 body of a FHIR referral: an OperationOutcome naming the ServiceRequest made. */
    static String fhirCreated(String id) {
        ObjectNode o = LinkwayJson.mapper().createObjectNode();
        o.put("resourceType", "OperationOutcome");
        ObjectNode issue = o.putArray("issue").addObject();
        issue.put("severity", "information");
        issue.put("code", "informational");
        issue.putObject("details").put("text", "Referral received as ServiceRequest/" + id);
        return o.toString();
    }

    static JsonNode tree(String json) {
        try {
            return LinkwayJson.mapper().readTree(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Finding finding(Rule rule, String message) {
        return new Finding(Severity.ERROR, rule.id(), "", "", message);
    }

    private static List<Finding> append(List<Finding> findings, Finding f) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(f);
        return all;
    }
}
