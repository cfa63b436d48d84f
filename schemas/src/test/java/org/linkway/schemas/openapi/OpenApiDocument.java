package org.linkway.schemas.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code schemas/openapi.yaml} read as a plain tree, for checks the OpenAPI parser does not make:
 * which operations it lists, and whether every reference in it (and in the files it references)
 * points at something that exists. Uses the Jackson 2 that swagger-parser brings.
 */
final class OpenApiDocument {

    static final Path FILE = Path.of("openapi.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One operation: {@code "POST /v1/referrals"} with its node. */
    record Operation(String key, String method, String path, JsonNode node) {}

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        return new OpenApiDocument(read(FILE));
    }

    static JsonNode read(Path file) {
        try {
            String name = file.getFileName().toString();
            return (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every operation under {@code paths}. */
    List<Operation> pathOperations() {
        return operations(root.path("paths"));
    }

    /** Every operation under {@code webhooks}, keyed by webhook name instead of a path. */
    List<Operation> webhookOperations() {
        return operations(root.path("webhooks"));
    }

    private static List<Operation> operations(JsonNode items) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> item : items.properties()) {
            for (Map.Entry<String, JsonNode> op : item.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    out.add(new Operation(
                            op.getKey().toUpperCase(Locale.ROOT) + " " + item.getKey(),
                            op.getKey(),
                            item.getKey(),
                            op.getValue()));
                }
            }
        }
        return out;
    }

    /** A node in this document named by a local reference ({@code #/components/...}), following chained refs. */
    JsonNode deref(JsonNode node) {
        JsonNode n = node;
        for (int hops = 0; n.has("$ref") && n.get("$ref").asText().startsWith("#/"); hops++) {
            if (hops > 10) {
                throw new IllegalStateException(
                        "reference loop at " + node.get("$ref").asText());
            }
            String pointer = n.get("$ref").asText().substring(1);
            JsonNode target = root.at(pointer);
            if (target.isMissingNode()) {
                throw new IllegalStateException("no " + pointer + " in " + FILE);
            }
            n = target;
        }
        return n;
    }

    /** Calls {@code visitor} with each string value whose member name is one of {@code names}, anywhere in the tree. */
    static void strings(JsonNode node, Set<String> names, BiConsumer<String, String> visitor) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (names.contains(e.getKey()) && e.getValue().isTextual()) {
                    visitor.accept(e.getKey(), e.getValue().asText());
                } else {
                    strings(e.getValue(), names, visitor);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                strings(item, names, visitor);
            }
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
