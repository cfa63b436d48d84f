package org.linkway.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * The test's own reading of which members each type's schema requires, straight from the schema
 * files, so that what build() checks is compared with the schemas and not with itself.
 */
final class SchemaRequired {

    private static final Map<String, List<String>> BY_TYPE = read();

    private SchemaRequired() {}

    /** The required members of the schema type behind {@code type}, in schema property order. */
    static List<String> of(Class<?> type) {
        List<String> required = BY_TYPE.get(type.getSimpleName());
        if (required == null) {
            throw new AssertionError("no schema object found for " + type.getSimpleName());
        }
        return required;
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> byType = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("../schemas/json"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                JsonNode root = LinkwayJson.mapper().readTree(Files.readString(file));
                if (root.has("javaType")) {
                    String javaType = root.get("javaType").asString();
                    walk(javaType.substring(javaType.lastIndexOf('.') + 1), root, byType);
                }
                for (Map.Entry<String, JsonNode> def : root.path("$defs").properties()) {
                    walk(def.getKey(), def.getValue(), byType);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byType;
    }

    private static void walk(String name, JsonNode object, Map<String, List<String>> byType) {
        if (!"object".equals(object.path("type").asString(""))) {
            return;
        }
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asString()));
        List<String> inOrder = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : object.path("properties").properties()) {
            if (required.contains(p.getKey())) {
                inOrder.add(p.getKey());
            }
            String cap =
                    Character.toUpperCase(p.getKey().charAt(0)) + p.getKey().substring(1);
            JsonNode value = p.getValue();
            if (value.has("properties")) {
                walk(cap, value, byType);
            }
            if (value.path("items").has("properties")) {
                walk(
                        cap.endsWith("ies")
                                ? cap.substring(0, cap.length() - 3) + "y"
                                : cap.endsWith("s") ? cap.substring(0, cap.length() - 1) : cap,
                        value.get("items"),
                        byType);
            }
        }
        byType.put(name, inOrder);
    }
}
