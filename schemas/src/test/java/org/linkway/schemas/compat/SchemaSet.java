package org.linkway.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of the schemas: every {@code *.json} file of a folder, parsed, by file name. The
 * files refer to each other by relative {@code $ref}, so one folder is one closed set.
 */
final class SchemaSet {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A schema node and the file it sits in, so the $refs inside it resolve against that file. */
    record Located(String file, String pointer, JsonNode node) {
        String location() {
            return file + "#" + pointer;
        }

        Located child(String keyword, JsonNode value) {
            return new Located(file, pointer + "/" + escape(keyword), value);
        }
    }

    private final Map<String, JsonNode> files;

    private SchemaSet(Map<String, JsonNode> files) {
        this.files = files;
    }

    static SchemaSet load(Path dir) {
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".json")).toList()) {
                files.put(p.getFileName().toString(), MAPPER.readTree(Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no schema files");
        }
        return new SchemaSet(files);
    }

    /** A deep copy, for a test to change without touching the original. */
    SchemaSet copy() {
        Map<String, JsonNode> out = new TreeMap<>();
        files.forEach((name, root) -> out.put(name, root.deepCopy()));
        return new SchemaSet(out);
    }

    Map<String, JsonNode> files() {
        return files;
    }

    Located root(String file) {
        JsonNode root = files.get(file);
        return root == null ? null : new Located(file, "", root);
    }

    /** The resource a file describes ({@code properties.resourceType.const}), or null. */
    String resourceType(String file) {
        JsonNode c = files.get(file).path("properties").path("resourceType").path("const");
        return c.isString() ? c.asString() : null;
    }

    /** Follows a {@code $ref} (a file, a JSON pointer in this file, or both); null when it points at nothing. */
    Located resolve(Located at) {
        String ref = at.node().path("$ref").asString("");
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String file =
                filePart.isEmpty() ? at.file() : Path.of(filePart).getFileName().toString();
        JsonNode doc = files.get(file);
        if (doc == null) {
            return null;
        }
        JsonNode target = fragment.isEmpty() ? doc : doc.at(fragment);
        return target.isMissingNode() ? null : new Located(file, fragment, target);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
