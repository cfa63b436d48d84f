package org.linkway.conformance.internal.suite;

import java.util.Iterator;
import java.util.Map;
import org.linkway.conformance.internal.Ctx;
import tools.jackson.databind.JsonNode;

/** "Read back unchanged": every member the sender sent is there with the same value. */
final class Diff {

    private Diff() {}

    static void sentFieldsKept(Ctx ctx, String what, JsonNode sent, JsonNode stored) {
        String at = firstDifference(sent, stored, "");
        ctx.check(at == null, "%s: read back differently at %s", what, at);
    }

    /** The JSON pointer of the first member of {@code sent} that {@code stored} lacks or changed; null if none. */
    static String firstDifference(JsonNode sent, JsonNode stored, String pointer) {
        if (sent.isObject()) {
            if (!stored.isObject()) {
                return pointer.isEmpty() ? "/" : pointer;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String d = firstDifference(e.getValue(), stored.path(e.getKey()), pointer + "/" + e.getKey());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (sent.isArray()) {
            if (!stored.isArray() || stored.size() != sent.size()) {
                return pointer;
            }
            for (int i = 0; i < sent.size(); i++) {
                String d = firstDifference(sent.get(i), stored.get(i), pointer + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (sent.isNumber() && stored.isNumber()) {
            return sent.decimalValue().compareTo(stored.decimalValue()) == 0 ? null : pointer;
        }
        return sent.equals(stored) ? null : pointer;
    }
}
