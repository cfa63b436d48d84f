package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One way to write a number, whichever path the message came by. The typed SDK model holds
 * scores as doubles ({@code 9.0}) while Linkway JSON text may say {@code 9}; both mean nine, and
 * the FHIR text the binding writes must not depend on which one it was given. A whole number is
 * written without a fraction, any other without trailing zeros, never in exponent form.
 */
final class Numbers {

    private Numbers() {}

    /** The canonical value of {@code d}: {@code 9.0 -> 9}, {@code 2.50 -> 2.5}, {@code 1E+1 -> 10}. */
    static BigDecimal canonical(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Replaces every number in {@code tree} by its canonical form, in place. */
    static void canonicalise(JsonNode tree) {
        if (tree instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    e.setValue(node(v));
                } else {
                    canonicalise(v);
                }
            }
        } else if (tree instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isNumber()) {
                    a.set(i, node(v));
                } else {
                    canonicalise(v);
                }
            }
        }
    }

    private static JsonNode node(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return number;
            }
        }
        BigDecimal c = canonical(number.decimalValue());
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (c.scale() != 0) {
            return f.numberNode(c);
        }
        if (c.unscaledValue().bitLength() < 32) {
            return f.numberNode(c.intValueExact());
        }
        return c.unscaledValue().bitLength() < 64
                ? f.numberNode(c.longValueExact())
                : f.numberNode(c.toBigIntegerExact());
    }
}
