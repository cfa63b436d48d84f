package org.linkway.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linkway.model.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles the JSON Schemas shipped in the schemas module into {@link Spec} trees, one per
 * message type, and hooks the PRSB rules onto the places they apply to. The schemas stay the
 * single source: the validator has no copy of a constraint, only this compiled form of it.
 *
 * <p>Only the JSON Schema keywords Linkway's schemas use are understood; a schema using any
 * other keyword fails compilation loudly rather than being half-checked. The test suite checks
 * this compiled form against a general JSON Schema validator on generated messages.
 */
final class SpecCompiler {

    static final String SCHEMA_ROOT = "/org/linkway/schemas/json/";
    private static final int MAX_DEPTH = 40;
    private static final Set<String> UNDERSTOOD = Set.of(
            "$schema",
            "$id",
            "$comment",
            "$ref",
            "$defs",
            "title",
            "description",
            "javaType",
            "existingJavaType",
            "type",
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "items",
            "minItems",
            "maxItems",
            "minLength",
            "maxLength",
            "pattern",
            "format",
            "enum",
            "const",
            "default",
            "minimum",
            "maximum");

    private static final Map<MessageType, Spec> ROOTS = compileAll(SpecCompiler::classpathFile);

    private final Map<String, JsonNode> files = new HashMap<>();
    private final Function<String, JsonNode> loader;

    private SpecCompiler(Function<String, JsonNode> loader) {
        this.loader = loader;
    }

    /** The compiled form of the bundled schemas (the jar's own). */
    static Spec root(MessageType type) {
        return ROOTS.get(type);
    }

    static Map<MessageType, Spec> bundled() {
        return ROOTS;
    }

    /**
     * Compiles every message type's schema, reading each schema file (by its name, as a
     * {@code $ref} names it) with {@code loader}; a failure names the file.
     */
    static Map<MessageType, Spec> compileAll(Function<String, JsonNode> loader) {
        SpecCompiler compiler = new SpecCompiler(loader);
        Map<MessageType, Spec> roots = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            Spec root = compiler.compile(type.schemaFile(), compiler.file(type.schemaFile()), "", "", null, "", 0);
            RuleHooks.attach(type, root);
            roots.put(type, root);
        }
        return roots;
    }

    private Spec compile(
            String file, JsonNode node, String pointer, String prsbPath, Spec parent, String definition, int depth) {
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
            return compile(
                    targetFile,
                    target,
                    pointer,
                    prsbPath,
                    parent,
                    fragment.substring(fragment.lastIndexOf('/') + 1),
                    depth + 1);
        }
        for (String keyword : node.propertyNames()) {
            if (!UNDERSTOOD.contains(keyword) && !keyword.startsWith("x-")) {
                throw new IllegalStateException("schema keyword '" + keyword + "' at " + file + " " + pointer
                        + " is not supported by the Linkway validator");
            }
        }
        Spec s = new Spec();
        s.parent = parent;
        s.prsbPath = prsbPath;
        s.nearestPrsbPath = !prsbPath.isEmpty() ? prsbPath : parent == null ? "" : parent.nearestPrsbPath;
        s.definition = definition;
        s.description = node.path("description").asString("");
        s.kind = kind(node.path("type").asString(""));
        if (node.has("properties")) {
            List<String> names = new ArrayList<>();
            List<Spec> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> p : node.get("properties").properties()) {
                JsonNode prop = p.getValue();
                String childPath = prop.path("x-prsb").asString("");
                if (childPath.isEmpty() && prop.has("x-prsb-relative") && !prsbPath.isEmpty()) {
                    childPath = prsbPath + " / " + prop.get("x-prsb-relative").asString();
                }
                s.index.put(p.getKey(), names.size());
                names.add(p.getKey());
                children.add(compile(file, prop, pointer + "/" + p.getKey(), childPath, s, "", depth + 1));
            }
            s.names = names.toArray(new String[0]);
            s.children = children.toArray(new Spec[0]);
        }
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        s.required = required.toArray(new String[0]);
        s.closed = node.has("additionalProperties")
                && !node.get("additionalProperties").asBoolean(true);
        s.minProperties = node.path("minProperties").asInt(-1);
        if (node.has("items")) {
            s.items = compile(file, node.get("items"), pointer + "/*", prsbPath, s, "", depth + 1);
        }
        s.minItems = node.path("minItems").asInt(-1);
        s.maxItems = node.path("maxItems").asInt(-1);
        s.minLength = node.path("minLength").asInt(-1);
        s.maxLength = node.path("maxLength").asInt(-1);
        if (node.has("pattern")) {
            s.patternSource = node.get("pattern").asString();
            s.pattern = compilePattern(s.patternSource);
            s.fastDateShape = DateShape.PATTERN.equals(s.patternSource);
        }
        s.formatDate = "date".equals(node.path("format").asString(""));
        if (node.has("enum")) {
            Set<String> allowed = new LinkedHashSet<>();
            node.get("enum").forEach(v -> allowed.add(v.asString()));
            s.allowed = allowed;
        }
        if (node.has("const")) {
            s.constant = node.get("const").asString();
        }
        s.minimum = node.has("minimum") ? node.get("minimum").asDouble() : null;
        s.maximum = node.has("maximum") ? node.get("maximum").asDouble() : null;
        s.hooks = EnumSet.noneOf(Spec.Hook.class);
        return s;
    }

    /**
     * JSON Schema patterns are ECMA-262: {@code $} matches only at the very end. In Java it also
     * matches before a final line break, which would let "1.0.0\n" through; {@code \z} does not.
     */
    static Pattern compilePattern(String source) {
        boolean endAnchor = source.endsWith("$") && !source.endsWith("\\$");
        return Pattern.compile(endAnchor ? source.substring(0, source.length() - 1) + "\\z" : source);
    }

    private static Spec.Kind kind(String type) {
        switch (type) {
            case "object":
                return Spec.Kind.OBJECT;
            case "array":
                return Spec.Kind.ARRAY;
            case "string":
                return Spec.Kind.STRING;
            case "integer":
                return Spec.Kind.INTEGER;
            case "number":
                return Spec.Kind.NUMBER;
            case "boolean":
                return Spec.Kind.BOOLEAN;
            case "":
                return Spec.Kind.ANY;
            default:
                throw new IllegalStateException("unsupported schema type '" + type + "'");
        }
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, loader);
    }

    private static JsonNode classpathFile(String name) {
        try (InputStream in = SpecCompiler.class.getResourceAsStream(SCHEMA_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + name);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
