package org.linkway.server.timerules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker service's time rules: how soon after receipt the first contact is due, how soon
 * after the last contact the next, and how long after the care plan's review date the review.
 *
 * @param firstContact due {@code within} units of the referral's receipt
 * @param followUp     due {@code within} units of the last contact made
 * @param review       due {@code within} units of the care plan's planned review date (0: on it)
 */
public record TimeRules(Rule firstContact, Rule followUp, Rule review) {

    /** Whole days, or working days (Monday to Friday less bank holidays). */
    public enum Unit {
        WORKING_DAYS("working-days"),
        DAYS("days");

        private final String code;

        Unit(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Unit fromCode(String code) {
            for (Unit u : values()) {
                if (u.code.equals(code)) {
                    return u;
                }
            }
            return null;
        }
    }

    /** One rule: whether it applies, and its allowance. */
    public record Rule(boolean enabled, int within, Unit unit) {}

    /** The rules a service has until it sets its own. */
    public static final TimeRules DEFAULTS = new TimeRules(
            new Rule(true, 3, Unit.WORKING_DAYS), new Rule(true, 28, Unit.DAYS), new Rule(true, 0, Unit.DAYS));

    /** The rules' names as events and the API write them, by member. */
    static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("firstContact", "first-contact");
        m.put("followUp", "follow-up");
        m.put("review", "review");
        return m;
    }

    Rule rule(String member) {
        return switch (member) {
            case "firstContact" -> firstContact;
            case "followUp" -> followUp;
            case "review" -> review;
            default -> throw new IllegalArgumentException(member);
        };
    }

    /** The document {@code GET /v1/time-rules} answers. */
    ObjectNode toJson(String organisation, long version) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("organisation", organisation);
        n.put("version", version);
        for (String member : NAMES.keySet()) {
            Rule r = rule(member);
            ObjectNode o = n.putObject(member);
            o.put("enabled", r.enabled());
            o.put("within", r.within());
            o.put("unit", r.unit().code());
        }
        return n;
    }

    /** From a stored document, which was checked when it was written. */
    static TimeRules fromStored(JsonNode doc) {
        return new TimeRules(
                stored(doc.path("firstContact")), stored(doc.path("followUp")), stored(doc.path("review")));
    }

    private static Rule stored(JsonNode r) {
        return new Rule(
                r.path("enabled").asBoolean(true),
                r.path("within").asInt(),
                Unit.fromCode(r.path("unit").asString("days")));
    }
}
