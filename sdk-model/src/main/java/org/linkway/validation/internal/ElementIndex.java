package org.linkway.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.linkway.model.MessageType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What sits at each place of each message: the PRSB element (from the schemas' {@code x-prsb}
 * annotations) and the shared definition the value uses. Places are JSON pointers with
 * {@code *} for array indexes, e.g. {@code /gpPractice/entries/* /gpPracticeIdentifier}.
 * Built once from the schema files, so the rules follow the schemas rather than a copy of them.
 */
public final class ElementIndex {

    /** What the schemas say about one place in a message. */
    public record Place(String prsbPath, String definition, JsonNode schema) { }

    static final String SCHEMA_ROOT = "/org/linkway/schemas/json/";
    private static final int MAX_DEPTH = 40;

    private final Map<MessageType, Map<String, Place>> places;
    private final Map<String, JsonNode> files = new HashMap<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    private ElementIndex() {
        places = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            Map<String, Place> map = new HashMap<>();
            JsonNode root = file(type.schemaFile());
            walk(type.schemaFile(), root, "", "", "", map, 0);
            places.put(type, Map.copyOf(map));
        }
    }

    private static final ElementIndex INSTANCE = new ElementIndex();

    public static ElementIndex get() {
        return INSTANCE;
    }

    /** The place at a pointer pattern, or null when the schemas define nothing there. */
    public Place at(MessageType type, String pattern) {
        return places.get(type).get(pattern);
    }

    /** Turns a concrete pointer ({@code /a/3/b}) into its pattern ({@code /a/* /b}). */
    public static String pattern(String pointer) {
        if (pointer.indexOf('/') < 0) {
            return pointer;
        }
        StringBuilder out = new StringBuilder(pointer.length());
        for (String segment : pointer.substring(1).split("/", -1)) {
            out.append('/').append(isIndex(segment) ? "*" : segment);
        }
        return out.toString();
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void walk(String file, JsonNode node, String pointer, String prsbPath, String definition,
                      Map<String, Place> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("schema nesting too deep at " + pointer + ": is there a $ref cycle?");
        }
        String ref = node.path("$ref").asString("");
        if (!ref.isEmpty()) {
            int hash = ref.indexOf('#');
            String targetFile = hash == 0 ? file : ref.substring(0, hash);
            String fragment = ref.substring(hash + 1);
            JsonNode target = file(targetFile).at(fragment);
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref + " in " + file);
            }
            walk(targetFile, target, pointer, prsbPath, fragment.substring(fragment.lastIndexOf('/') + 1), out, depth + 1);
            return;
        }
        out.put(pointer, new Place(prsbPath, definition, node));
        if (node.has("items")) {
            walk(file, node.get("items"), pointer + "/*", prsbPath, "", out, depth + 1);
        }
        for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
            JsonNode prop = p.getValue();
            String childPath = prop.path("x-prsb").asString("");
            if (childPath.isEmpty() && prop.has("x-prsb-relative") && !prsbPath.isEmpty()) {
                childPath = prsbPath + " / " + prop.get("x-prsb-relative").asString();
            }
            walk(file, prop, pointer + "/" + p.getKey(), childPath, "", out, depth + 1);
        }
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = ElementIndex.class.getResourceAsStream(SCHEMA_ROOT + n)) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the classpath: " + n);
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
