package org.linkway.modelgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.linkway.modelgen.Specs.EnumSpec;
import org.linkway.modelgen.Specs.ObjectSpec;
import org.linkway.modelgen.Specs.Property;

/**
 * Writes one object schema as an immutable class: private final fields, getters, equals,
 * hashCode and toString, and a reusable nested Builder whose {@code build()} checks the schema's
 * required members. JSON is read through the same builder, without that check, so that a message
 * with missing members still reaches the validator, which reports them.
 */
final class ClassWriter {

    static final String MESSAGE_INTERFACE = "PrsbMessage";
    static final String INCOMPLETE = "IncompleteModelException";

    private final String packageName;
    private final ObjectSpec spec;
    private final Set<String> imports = new TreeSet<>();
    private final StringBuilder out = new StringBuilder();

    ClassWriter(String packageName, ObjectSpec spec) {
        this.packageName = packageName;
        this.spec = spec;
    }

    String write() {
        StringBuilder body = new StringBuilder();
        imports.add("javax.annotation.processing.Generated");
        imports.add("com.fasterxml.jackson.annotation.JsonInclude");
        imports.add("com.fasterxml.jackson.annotation.JsonProperty");
        imports.add("com.fasterxml.jackson.annotation.JsonPropertyOrder");
        imports.add("tools.jackson.databind.annotation.JsonDeserialize");
        imports.add("tools.jackson.databind.annotation.JsonPOJOBuilder");
        imports.add("java.util.Objects");
        imports.add("java.util.StringJoiner");
        for (Property p : spec.properties) {
            if (p.type().importName() != null) {
                imports.add(p.type().importName());
            }
            if (p.type().isList() && p.type().element().importName() != null) {
                imports.add(p.type().element().importName());
            }
        }
        if (!spec.nestedEnums.isEmpty()) {
            imports.add("java.util.HashMap");
            imports.add("java.util.Map");
            imports.add("com.fasterxml.jackson.annotation.JsonCreator");
            imports.add("com.fasterxml.jackson.annotation.JsonValue");
        }
        classHeader(body);
        fieldsAndConstructor(body);
        factories(body);
        getters(body);
        objectMethods(body);
        for (EnumSpec e : spec.nestedEnums) {
            body.append('\n').append(EnumWriter.write(e, "    ", true));
        }
        body.append('\n');
        new BuilderWriter(spec, imports).write(body);
        body.append("}\n");

        out.append("package ").append(packageName).append(";\n\n");
        appendImports("java.", false);
        appendImports("javax.", false);
        appendImports("com.fasterxml.", true);
        appendImports("tools.", true);
        return out.append(body).toString();
    }

    private void appendImports(String prefix, boolean blankBefore) {
        List<String> group = new ArrayList<>();
        for (String i : imports) {
            if (i.startsWith(prefix) && !i.startsWith(packageName + ".")) {
                group.add(i);
            }
        }
        for (String i : group) {
            out.append("import ").append(i).append(";\n");
        }
        if (!group.isEmpty()) {
            out.append('\n');
        }
    }

    private void classHeader(StringBuilder b) {
        List<String> doc = new ArrayList<>();
        String title = spec.title.isBlank() ? spec.name : Javadoc.escape(spec.title);
        doc.add(
                spec.description.isBlank() || spec.description.equals(spec.title)
                        ? title + "."
                        : title + ": " + sentence(Javadoc.escape(spec.description)));
        doc.add("Immutable: lists are copied in and cannot be changed through the getters. Make one with "
                + "{@link #builder()}, or change a copy with {@link #toBuilder()}. Generated from " + spec.origin
                + "; do not edit.");
        b.append(Javadoc.block("", doc));
        b.append("@Generated(\"").append(ModelGenerator.class.getName()).append("\")\n");
        b.append("@JsonInclude(JsonInclude.Include.NON_NULL)\n");
        b.append("@JsonPropertyOrder({");
        for (int k = 0; k < spec.properties.size(); k++) {
            b.append(k == 0 ? "" : ", ")
                    .append('"')
                    .append(spec.properties.get(k).jsonName())
                    .append('"');
        }
        b.append("})\n");
        b.append("@JsonDeserialize(builder = ").append(spec.name).append(".Builder.class)\n");
        b.append("public final class ").append(spec.name);
        if (spec.message) {
            b.append(" implements ").append(MESSAGE_INTERFACE);
        }
        b.append(" {\n\n");
    }

    private void fieldsAndConstructor(StringBuilder b) {
        for (Property p : spec.properties) {
            b.append("    private final ")
                    .append(p.type().simpleName())
                    .append(' ')
                    .append(p.jsonName())
                    .append(";\n");
        }
        b.append("\n    private ").append(spec.name).append("(Builder builder) {\n");
        for (Property p : spec.properties) {
            b.append("        this.")
                    .append(p.jsonName())
                    .append(" = builder.")
                    .append(p.jsonName())
                    .append(";\n");
        }
        b.append("    }\n");
    }

    private void factories(StringBuilder b) {
        List<Property> fixed =
                spec.properties.stream().filter(p -> p.fixedValue() != null).toList();
        StringBuilder doc = new StringBuilder("A new builder");
        if (!fixed.isEmpty()) {
            doc.append(", with ");
            for (int k = 0; k < fixed.size(); k++) {
                Property p = fixed.get(k);
                doc.append(k == 0 ? "" : k == fixed.size() - 1 ? " and " : ", ")
                        .append("{@code ")
                        .append(p.jsonName())
                        .append("} set to {@code ")
                        .append(Javadoc.escape(p.fixedValue()))
                        .append('}');
            }
            doc.append(" already");
        }
        b.append('\n').append(Javadoc.block("    ", List.of(doc + ".", "@return a new builder")));
        b.append("    public static Builder builder() {\n");
        if (fixed.isEmpty()) {
            b.append("        return new Builder();\n");
        } else {
            b.append("        Builder builder = new Builder();\n");
            for (Property p : fixed) {
                b.append("        builder.")
                        .append(p.jsonName())
                        .append(" = \"")
                        .append(javaString(p.fixedValue()))
                        .append("\";\n");
            }
            b.append("        return builder;\n");
        }
        b.append("    }\n\n");
        b.append("    /**\n");
        b.append("     * A builder holding this object's values: change some and build a new object.\n");
        b.append("     *\n");
        b.append("     * @return a new builder\n");
        b.append("     */\n");
        b.append("    public Builder toBuilder() {\n");
        b.append("        Builder builder = new Builder();\n");
        for (Property p : spec.properties) {
            b.append("        builder.")
                    .append(p.jsonName())
                    .append(" = ")
                    .append(p.jsonName())
                    .append(";\n");
        }
        b.append("        return builder;\n");
        b.append("    }\n");
    }

    private void getters(StringBuilder b) {
        Set<String> messageGetters = Set.of("resourceType", "schemaVersion", "prsbVersion");
        for (Property p : spec.properties) {
            b.append('\n')
                    .append(Javadoc.block("    ", List.of(getterDoc(p), "@return the value, or null when absent")));
            if (spec.message && messageGetters.contains(p.jsonName())) {
                b.append("    @Override\n");
            }
            b.append("    @JsonProperty(\"").append(p.jsonName()).append("\")\n");
            if (p.isoDate()) {
                imports.add("com.fasterxml.jackson.annotation.JsonFormat");
                b.append("    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = \"yyyy-MM-dd\")\n");
            }
            b.append("    public ")
                    .append(p.type().simpleName())
                    .append(" get")
                    .append(p.capitalized())
                    .append("() {\n");
            b.append("        return ").append(p.jsonName()).append(";\n");
            b.append("    }\n");
        }
    }

    static String getterDoc(Property p) {
        StringBuilder doc = new StringBuilder();
        doc.append(
                p.description().isBlank()
                        ? "The " + p.jsonName() + " member."
                        : sentence(Javadoc.escape(p.description())));
        if (p.required()) {
            doc.append(p.nonEmpty() ? " Required, with at least one entry." : " Required.");
        } else if (p.nonEmpty()) {
            doc.append(" When present, at least one entry.");
        }
        if (p.type().isList()) {
            doc.append(" The list cannot be changed; null when absent.");
        }
        if (p.fixedValue() != null) {
            doc.append(" A new builder sets it to {@code ")
                    .append(Javadoc.escape(p.fixedValue()))
                    .append("}.");
        }
        return doc.toString();
    }

    private void objectMethods(StringBuilder b) {
        String name = spec.name;
        b.append("\n    @Override\n");
        b.append("    public boolean equals(Object other) {\n");
        b.append("        if (this == other) {\n");
        b.append("            return true;\n");
        b.append("        }\n");
        b.append("        if (!(other instanceof ").append(name).append(")) {\n");
        b.append("            return false;\n");
        b.append("        }\n");
        if (spec.properties.isEmpty()) {
            b.append("        return true;\n");
        } else {
            b.append("        ").append(name).append(" that = (").append(name).append(") other;\n");
            b.append("        return ");
            for (int k = 0; k < spec.properties.size(); k++) {
                String f = spec.properties.get(k).jsonName();
                b.append(k == 0 ? "" : "\n                && ")
                        .append("Objects.equals(")
                        .append(f)
                        .append(", that.")
                        .append(f)
                        .append(")");
            }
            b.append(";\n");
        }
        b.append("    }\n\n");
        b.append("    @Override\n");
        b.append("    public int hashCode() {\n");
        b.append("        return Objects.hash(");
        for (int k = 0; k < spec.properties.size(); k++) {
            b.append(k == 0 ? "" : ", ").append(spec.properties.get(k).jsonName());
        }
        b.append(");\n");
        b.append("    }\n\n");
        b.append(
                "    /** The members that are present, for logs and test failures (it includes personal data: log with care). */\n");
        b.append("    @Override\n");
        b.append("    public String toString() {\n");
        b.append("        StringJoiner s = new StringJoiner(\", \", \"")
                .append(name)
                .append("{\", \"}\");\n");
        for (Property p : spec.properties) {
            String f = p.jsonName();
            b.append("        if (").append(f).append(" != null) {\n");
            b.append("            s.add(\"")
                    .append(f)
                    .append("=\" + ")
                    .append(f)
                    .append(");\n");
            b.append("        }\n");
        }
        b.append("        return s.toString();\n");
        b.append("    }\n");
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") || t.endsWith(")") ? t : t + ".";
    }

    static String javaString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
