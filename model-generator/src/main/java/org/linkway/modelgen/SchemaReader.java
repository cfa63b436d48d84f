package org.linkway.modelgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkway.modelgen.Specs.EnumSpec;
import org.linkway.modelgen.Specs.JavaType;
import org.linkway.modelgen.Specs.ObjectSpec;
import org.linkway.modelgen.Specs.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the message schemas and everything they reach through {@code $ref} into specs. Class
 * names follow the names the types have always had: a message by its {@code javaType}, a
 * {@code $defs} entry by its key, an inline object by its property (singular for list items).
 */
final class SchemaReader {

    /** Keywords that shape the Java types; the rest (lengths, patterns, x-prsb) are the validator's. */
    private static final Set<String> SHAPING = Set.of(
            "type",
            "properties",
            "required",
            "items",
            "minItems",
            "enum",
            "const",
            "default",
            "format",
            "$ref",
            "javaType",
            "existingJavaType");

    private final Path schemaDir;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, JsonNode> files = new HashMap<>();
    private final Map<JsonNode, ObjectSpec> objects = new IdentityHashMap<>();
    private final List<ObjectSpec> inOrder = new ArrayList<>();
    private final Map<String, Object> names = new HashMap<>();
    private final List<EnumSpec> topLevelEnums = new ArrayList<>();

    SchemaReader(Path schemaDir) {
        this.schemaDir = schemaDir;
    }

    /** Every object type reachable from the given message schemas, in the order first met. */
    List<ObjectSpec> objects() {
        return List.copyOf(inOrder);
    }

    List<EnumSpec> topLevelEnums() {
        return List.copyOf(topLevelEnums);
    }

    /** Reads one message schema: its root is a message (it has a const resourceType). */
    ObjectSpec readMessage(String fileName) {
        JsonNode root = file(fileName);
        String javaType = root.path("javaType").asString("");
        if (javaType.isEmpty()) {
            throw new IllegalStateException(fileName + " has no javaType naming its class");
        }
        ObjectSpec spec = object(fileName, root, javaType.substring(javaType.lastIndexOf('.') + 1), fileName);
        spec.message = root.path("properties").path("resourceType").has("const");
        return spec;
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            try {
                return json.readTree(Files.readString(schemaDir.resolve(n)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read schema " + schemaDir.resolve(n), e);
            }
        });
    }

    private ObjectSpec object(String file, JsonNode node, String name, String origin) {
        ObjectSpec known = objects.get(node);
        if (known != null) {
            return known;
        }
        claim(name, node, origin);
        ObjectSpec spec = new ObjectSpec(
                name,
                origin,
                node.path("title").asString(""),
                node.path("description").asString(""));
        objects.put(node, spec);
        inOrder.add(spec);
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
            spec.properties.add(property(file, spec, p.getKey(), p.getValue(), required.contains(p.getKey())));
        }
        return spec;
    }

    private Property property(String file, ObjectSpec owner, String name, JsonNode node, boolean required) {
        if (!javaIdentifier(name)) {
            throw new IllegalStateException(owner.origin + ": property '" + name + "' is not a usable Java name");
        }
        // the member's own words first: a shared type's description is about the type, not this use of it
        String description =
                node.path("description").asString(node.path("x-linkway").asString(""));
        JsonNode resolved = node;
        String resolvedFile = file;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asString();
            int hash = ref.indexOf('#');
            resolvedFile = hash == 0 ? resolvedFile : ref.substring(0, hash);
            JsonNode target = file(resolvedFile).at(ref.substring(hash + 1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref + " in " + file);
            }
            resolved = target;
            if (description.isEmpty()) {
                description = resolved.path("description")
                        .asString(resolved.path("x-linkway").asString(""));
            }
        }
        JavaType type = type(resolvedFile, owner, name, node, resolved, false);
        String fixed = resolved.has("const")
                ? resolved.get("const").asString()
                : resolved.has("default") ? resolved.get("default").asString() : null;
        boolean nonEmpty = type.isList() && resolved.path("minItems").asInt(0) >= 1;
        boolean isoDate = "date".equals(resolved.path("format").asString(""));
        return new Property(name, type, description, required, nonEmpty, fixed, isoDate);
    }

    private JavaType type(
            String file, ObjectSpec owner, String property, JsonNode referring, JsonNode node, boolean listItem) {
        for (String keyword : node.propertyNames()) {
            if (keyword.startsWith("x-") || SHAPING.contains(keyword)) {
                continue;
            }
            if (!Set.of(
                            "$schema",
                            "$comment",
                            "$defs",
                            "title",
                            "description",
                            "additionalProperties",
                            "minProperties",
                            "maxItems",
                            "minLength",
                            "maxLength",
                            "pattern",
                            "minimum",
                            "maximum")
                    .contains(keyword)) {
                throw new IllegalStateException("schema keyword '" + keyword + "' under " + owner.origin + "."
                        + property + " is not understood by the model generator");
            }
        }
        if (node.has("existingJavaType")) {
            return JavaType.scalar(node.get("existingJavaType").asString());
        }
        String kind = node.path("type").asString("");
        switch (kind) {
            case "object": {
                boolean named = referring.has("$ref") && node != referring;
                String name =
                        named ? defName(referring) : listItem ? singular(capitalize(property)) : capitalize(property);
                String origin = named ? file + "#/$defs/" + name : owner.origin + " " + property;
                return JavaType.of(object(file, node, name, origin));
            }
            case "array": {
                JsonNode items = node.path("items");
                JsonNode resolved = items;
                String itemFile = file;
                if (items.has("$ref")) {
                    String ref = items.get("$ref").asString();
                    int hash = ref.indexOf('#');
                    itemFile = hash == 0 ? file : ref.substring(0, hash);
                    resolved = file(itemFile).at(ref.substring(hash + 1));
                }
                return JavaType.listOf(type(itemFile, owner, property, items, resolved, true));
            }
            case "string":
                if (node.has("enum")) {
                    return JavaType.of(enumeration(owner, property, node, listItem));
                }
                return JavaType.scalar(
                        "date".equals(node.path("format").asString("")) ? "java.time.LocalDate" : "java.lang.String");
            case "integer":
                return JavaType.scalar("java.lang.Integer");
            case "number":
                return JavaType.scalar("java.lang.Double");
            case "boolean":
                return JavaType.scalar("java.lang.Boolean");
            default:
                throw new IllegalStateException(
                        owner.origin + "." + property + ": type '" + kind + "' has no Java type");
        }
    }

    private EnumSpec enumeration(ObjectSpec owner, String property, JsonNode node, boolean listItem) {
        List<String> values = new ArrayList<>();
        node.get("enum").forEach(v -> values.add(v.asString()));
        // an enum typing list items is shared by name at the top level, as it always has been
        String name = listItem ? singular(capitalize(property)) : capitalize(property);
        EnumSpec spec = new EnumSpec(
                name, listItem ? null : owner, values, node.path("description").asString(""));
        if (listItem) {
            claim(name, node, owner.origin + "." + property);
            topLevelEnums.add(spec);
        } else {
            owner.nestedEnums.add(spec);
        }
        return spec;
    }

    private void claim(String name, JsonNode node, String origin) {
        Object previous = names.putIfAbsent(name, node);
        if (previous != null && previous != node) {
            throw new IllegalStateException("two schema types would both be called " + name + " (the second at "
                    + origin + "); give one a $defs name of its own");
        }
    }

    private static String defName(JsonNode referring) {
        String ref = referring.get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** English plurals as the schemas use them: entries, itemResponses, scores. */
    static String singular(String s) {
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("sses") || s.endsWith("xes")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("s") && !s.endsWith("ss")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean javaIdentifier(String name) {
        return !name.isEmpty()
                && Character.isJavaIdentifierStart(name.charAt(0))
                && name.chars().allMatch(Character::isJavaIdentifierPart)
                && !Set.of(
                                "class",
                                "default",
                                "enum",
                                "package",
                                "import",
                                "interface",
                                "static",
                                "final",
                                "int",
                                "new",
                                "return",
                                "this",
                                "public",
                                "private",
                                "switch",
                                "case",
                                "native",
                                "byte",
                                "char")
                        .contains(name);
    }
}
