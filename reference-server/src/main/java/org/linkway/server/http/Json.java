package org.linkway.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.linkway.model.ProblemType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.StoredResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON in and out of handlers, with the SDK's one configuration. */
public final class Json {

    public static final JsonMapper MAPPER = LinkwayJson.mapper();
    public static final String CONTENT_TYPE = "application/json";

    private Json() {}

    public static String write(Object value) {
        // through UTF-8 bytes: Jackson's byte generator is cheaper than its String writer, and
        // turning mostly-ASCII bytes into a String is a plain copy
        return new String(MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    /** A page of stored documents as {@code {"items": [...], "nextCursor": ...}}. */
    public static ObjectNode page(Page<StoredResource> page) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(r -> items.add(MAPPER.readTree(r.body())));
        out.put("nextCursor", page.nextCursor());
        return out;
    }

    public static void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body instanceof String s ? s : write(body));
    }

    /** The body as a JSON object, or a 400/415 problem naming what is wrong. */
    public static JsonNode objectBody(Context ctx) {
        requireJson(ctx);
        try {
            JsonNode node = MAPPER.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new ApiProblem(ProblemType.MALFORMED_BODY, "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY, "the body is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE)) {
            throw new ApiProblem(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as " + CONTENT_TYPE + (type == null ? "" : ", not " + type));
        }
    }
}
