package org.linkway.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.Rule;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How every posted message enters the server: validated by the SDK's validator (errors become
 * a problem document with all findings), refused if it sets a field the server assigns, and
 * stripped of the unknown properties the validator warned about, as the warning says.
 */
public final class Intake {

    private final MessageValidator validator;

    public Intake(MessageValidator validator) {
        this.validator = validator;
    }

    /**
     * The message as the server will store it, fields the server assigns first and in this order.
     *
     * @param assigned server-assigned fields and their values (kept in insertion order); the sender may not set them
     */
    public ObjectNode accept(byte[] body, MessageType expected, Map<String, String> assigned) {
        return accept(body, expected, assigned, validated(body, expected, assigned));
    }

    /**
     * The message as {@link #accept} stores it, already written out, with the placer's own id
     * (member {@code besideId}, if sent) moved to just after the server's {@code id}, and the
     * string at {@code pick} read on the way. Same answer as {@link #accept} followed by moving
     * and writing; for the common message (no unknown members to strip) it copies the body's
     * tokens in one streaming pass instead of building a tree and writing it out again.
     */
    public Stored acceptStored(
            byte[] body, MessageType expected, Map<String, String> assigned, String besideId, String pick) {
        ValidationResult result = validated(body, expected, assigned);
        boolean strips = result.warnings().stream().anyMatch(f -> f.ruleId().equals(Rule.UNKNOWN_PROPERTY.id()));
        if (!strips) {
            Stored copied = StoredCopy.copy(body, assigned, besideId, pick);
            if (copied != null) {
                return copied;
            }
        }
        ObjectNode doc = moveBesideId(accept(body, expected, assigned, result), besideId);
        return new Stored(Json.write(doc), doc.at(pick).asString(null));
    }

    /** A message as stored, and the one value {@link #acceptStored} was asked to read from it (null if absent). */
    public record Stored(String json, String picked) {}

    /** Moves {@code member} to just after {@code id}, keeping every other member where it was. */
    static ObjectNode moveBesideId(ObjectNode doc, String member) {
        if (member == null || !doc.has(member)) {
            return doc;
        }
        JsonNode moved = doc.remove(member);
        ObjectNode ordered = Json.MAPPER.createObjectNode();
        doc.properties().forEach(e -> {
            ordered.set(e.getKey(), e.getValue());
            if (e.getKey().equals("id")) {
                ordered.set(member, moved);
            }
        });
        return ordered;
    }

    private ValidationResult validated(byte[] body, MessageType expected, Map<String, String> assigned) {
        ValidationResult result = validator.validate(body);
        if (!result.isValid()) {
            // a field the server assigns may be one the schema does not define (an unknown member,
            // an error in the server's own version): say what the sender can act on
            for (Finding f : result.errors()) {
                if (f.ruleId().equals(Rule.UNKNOWN_PROPERTY.id())
                        && f.pointer().lastIndexOf('/') == 0
                        && assigned.containsKey(f.pointer().substring(1))) {
                    throw serverAssigned(f.pointer().substring(1), expected.resourceType(), assigned);
                }
            }
            List<Finding> errors = result.errors();
            boolean malformed = errors.stream().allMatch(f -> f.ruleId().startsWith("LW-INPUT-"));
            throw new ApiProblem(
                    malformed ? ProblemType.MALFORMED_BODY : invalid(expected),
                    errors.size() + " problem(s): "
                            + errors.stream()
                                    .limit(3)
                                    .map(f -> f.ruleId() + " at " + f.pointer())
                                    .collect(Collectors.joining(", "))
                            + (errors.size() > 3 ? ", ..." : ""),
                    result.findings());
        }
        if (!expected.resourceType().equals(result.messageType().orElse(null))) {
            throw new ApiProblem(
                    ProblemType.WRONG_MESSAGE_TYPE,
                    "this endpoint takes a " + expected.resourceType() + ", not a "
                            + result.messageType().orElse("message of unknown type"));
        }
        return result;
    }

    private ObjectNode accept(
            byte[] body, MessageType expected, Map<String, String> assigned, ValidationResult result) {
        ObjectNode received = (ObjectNode) Json.MAPPER.readTree(body);
        for (String field : assigned.keySet()) {
            if (received.has(field)) {
                throw serverAssigned(field, expected.resourceType(), assigned);
            }
        }
        boolean stripped = false;
        for (Finding f : result.warnings()) {
            if (f.ruleId().equals(Rule.UNKNOWN_PROPERTY.id())) {
                remove(received, f.pointer());
                stripped = true;
            }
        }
        if (stripped) {
            // what is left must stand on its own: {"coding": {...}, "cod1ng": 1} is fine until the typo goes
            ValidationResult rest = validator.validate(Json.write(received));
            if (!rest.isValid()) {
                throw new ApiProblem(
                        ProblemType.INVALID_WITHOUT_UNKNOWN_PROPERTIES,
                        "without the properties this server does not know, the " + expected.resourceType()
                                + " breaks the standard",
                        concat(result.warnings(), rest.errors()));
            }
        }
        ObjectNode doc = Json.MAPPER.createObjectNode();
        for (String first : new String[] {"resourceType", "schemaVersion", "prsbVersion"}) {
            doc.set(first, received.remove(first));
        }
        assigned.forEach(doc::put);
        doc.setAll(received);
        return doc;
    }

    /** The problem for a posted message that breaks its schema or a rule, by what the endpoint takes. */
    static ProblemType invalid(MessageType expected) {
        return switch (expected) {
            case REFERRAL -> ProblemType.INVALID_REFERRAL;
            case ONWARD_REFERRAL -> ProblemType.INVALID_ONWARD_REFERRAL;
            case CARE_PLAN -> ProblemType.INVALID_CARE_PLAN;
            case CONSENT -> ProblemType.INVALID_CONSENT;
            case CONTACT_RECORD -> ProblemType.INVALID_CONTACT_RECORD;
            case ASSESSMENT -> ProblemType.INVALID_ASSESSMENT;
            case SIGNPOST -> ProblemType.INVALID_SIGNPOST;
            case HOSPITAL_DISCHARGE -> ProblemType.INVALID_HOSPITAL_DISCHARGE;
            case MESSAGE_BACK ->
                throw new IllegalArgumentException("the server writes message backs; no endpoint takes one");
        };
    }

    static ApiProblem serverAssigned(String field, String resourceType, Map<String, String> assigned) {
        return new ApiProblem(
                ProblemType.SERVER_ASSIGNED,
                "'" + field + "' is assigned by the server; " + "send the " + resourceType + " without "
                        + String.join(", ", assigned.keySet()));
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Removes the member a JSON pointer names (the validator's pointers for unknown properties are members of objects). */
    private static void remove(ObjectNode root, String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        if (parent instanceof ObjectNode o) {
            o.remove(pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~"));
        }
    }
}
