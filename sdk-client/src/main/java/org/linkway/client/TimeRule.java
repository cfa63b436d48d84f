package org.linkway.client;

import java.util.Objects;
import org.linkway.client.error.InvalidArgumentException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One time rule's allowance: due within {@code within} working days or calendar days, or not
 * applied at all. Working days are Monday to Friday less the bank holidays the server ships.
 *
 * <pre>{@code
 * TimeRule firstContact = TimeRule.workingDays(3);
 * TimeRule followUp = TimeRule.days(28);
 * }</pre>
 *
 * @param enabled whether the rule applies
 * @param within  the allowance (0 to 366; the server allows 0 for the review rule only)
 * @param unit    working days or days
 */
public record TimeRule(boolean enabled, int within, Unit unit) {

    public TimeRule {
        Objects.requireNonNull(unit, "unit");
        if (within < 0 || within > 366) {
            throw new InvalidArgumentException("within", "must be from 0 to 366, not " + within);
        }
    }

    /** Due within {@code within} working days. */
    public static TimeRule workingDays(int within) {
        return new TimeRule(true, within, Unit.WORKING_DAYS);
    }

    /** Due within {@code within} calendar days. */
    public static TimeRule days(int within) {
        return new TimeRule(true, within, Unit.DAYS);
    }

    /** The same allowance, switched off (or on). */
    public TimeRule withEnabled(boolean enabled) {
        return new TimeRule(enabled, within, unit);
    }

    /** How an allowance is counted. */
    public enum Unit {
        WORKING_DAYS("working-days"),
        DAYS("days");

        private final String value;

        Unit(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Unit fromValue(String value) {
            for (Unit u : values()) {
                if (u.value.equals(value)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not a time rule unit");
        }
    }

    static TimeRule from(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a rule is missing");
        }
        return new TimeRule(
                !n.has("enabled") || n.path("enabled").asBoolean(),
                (int) Answers.number(n, "within"),
                Unit.fromValue(Answers.text(n, "unit")));
    }

    void writeInto(ObjectNode doc) {
        doc.put("enabled", enabled);
        doc.put("within", within);
        doc.put("unit", unit.value());
    }
}
