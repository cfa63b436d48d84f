package org.linkway.server.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.linkway.model.MessageType;
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
        ValidationResult result = validator.validate(body);
        if (!result.isValid()) {
            List<Finding> errors = result.errors();
            boolean malformed = errors.stream().allMatch(f -> f.ruleId().startsWith("LW-INPUT-"));
            String kind = expected.resourceType().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            throw new ApiProblem(malformed ? 400 : 422, malformed ? "malformed-body" : "invalid-" + kind,
                    malformed ? "Malformed body" : "Invalid " + expected.resourceType(),
                    errors.size() + " problem(s): " + errors.stream().limit(3).map(f -> f.ruleId() + " at " + f.pointer())
                            .collect(Collectors.joining(", ")) + (errors.size() > 3 ? ", ..." : ""),
                    result.findings());
        }
        if (!expected.resourceType().equals(result.messageType().orElse(null))) {
            throw new ApiProblem(422, "wrong-message-type", "Wrong message type", "this endpoint takes a " + expected.resourceType()
                    + ", not a " + result.messageType().orElse("message of unknown type"));
        }
        ObjectNode received = (ObjectNode) Json.MAPPER.readTree(body);
        for (String field : assigned.keySet()) {
            if (received.has(field)) {
                throw new ApiProblem(422, "server-assigned", "Server-assigned field", "'" + field + "' is assigned by the server; "
                        + "send the " + expected.resourceType() + " without " + String.join(", ", assigned.keySet()));
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
                throw new ApiProblem(422, "invalid-without-unknown-properties", "Invalid " + expected.resourceType(),
                        "without the properties this server does not know, the " + expected.resourceType() + " breaks the standard",
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

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new java.util.ArrayList<>(a);
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
