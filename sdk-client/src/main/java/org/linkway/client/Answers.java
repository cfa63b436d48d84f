package org.linkway.client;

import java.time.Instant;
import java.util.function.Function;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.internal.ApiResponse;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answers that have no sdk-model type (assignments, appointments, time rules, feeds)
 * member by member, so that an answer of the wrong shape is an {@link UnexpectedResponseException}
 * naming what was wrong, never a runtime exception out of the SDK.
 */
final class Answers {

    private Answers() {}

    /** The answer's JSON object read by {@code reader}; anything it cannot read is the server's fault. */
    static <T> T read(ApiResponse r, Function<JsonNode, T> reader, String what) {
        return read(Codec.tree(r), r, reader, what);
    }

    static <T> T read(JsonNode node, ApiResponse r, Function<JsonNode, T> reader, String what) {
        try {
            return reader.apply(node);
        } catch (RuntimeException e) {
            throw new UnexpectedResponseException(
                    r.status(), r.requestId(), "the answer is not a " + what + ": " + e.getMessage(), e);
        }
    }

    /** A required text member. */
    static String text(JsonNode node, String name) {
        JsonNode n = node.path(name);
        if (!n.isString()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not text");
        }
        return n.asString();
    }

    /** An optional text member: null when absent or null. */
    static String optionalText(JsonNode node, String name) {
        JsonNode n = node.path(name);
        return n.isString() ? n.asString() : null;
    }

    static Instant instant(JsonNode node, String name) {
        return Instant.parse(text(node, name));
    }

    static long number(JsonNode node, String name) {
        JsonNode n = node.path(name);
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a whole number");
        }
        return n.asLong();
    }
}
