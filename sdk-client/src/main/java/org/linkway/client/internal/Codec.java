package org.linkway.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out with the SDK's one mapper, and the few path and query helpers every resource needs.
 *
 * <pre>{@code
 * String path = "/v1/referrals/" + Codec.segment(id, "id");
 * Referral r = Codec.read(response, Referral.class);
 * }</pre>
 */
public final class Codec {

    private static final JsonMapper MAPPER = LinkwayJson.mapper();

    private Codec() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new InvalidArgumentException("body", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** The model as JSON without the named fields: for members the server assigns from the URL. */
    public static byte[] writeWithout(Object value, String... fields) {
        try {
            ObjectNode tree = MAPPER.valueToTree(value);
            for (String f : fields) {
                tree.remove(f);
            }
            return MAPPER.writeValueAsBytes(tree);
        } catch (JacksonException e) {
            throw new InvalidArgumentException("body", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    public static <T> T read(ApiResponse response, Class<T> type) {
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new UnexpectedResponseException(
                    response.status(),
                    response.requestId(),
                    "the answer is not a " + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    public static <T> T read(JsonNode node, Class<T> type, ApiResponse response) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new UnexpectedResponseException(
                    response.status(),
                    response.requestId(),
                    "an item of the answer is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    public static JsonNode tree(ApiResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new UnexpectedResponseException(
                        response.status(), response.requestId(), "the answer is not a JSON object", null);
            }
            return node;
        } catch (JacksonException e) {
            throw new UnexpectedResponseException(
                    response.status(), response.requestId(), "the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A path segment: ids come from callers, so they are encoded, never trusted. */
    public static String segment(String id, String argument) {
        InvalidArgumentException.require(id, argument);
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
