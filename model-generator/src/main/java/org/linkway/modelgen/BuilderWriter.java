package org.linkway.modelgen;

import java.util.List;
import java.util.Set;
import org.linkway.modelgen.Specs.ObjectSpec;
import org.linkway.modelgen.Specs.Property;

/**
 * Writes a class's nested Builder. A builder keeps its own unmodifiable copy of every list it is
 * given, so the objects it builds can share that copy: nothing the caller does to the list it
 * passed, and nothing done to the builder afterwards, reaches an object already built.
 */
final class BuilderWriter {

    private final ObjectSpec spec;
    private final Set<String> imports;

    BuilderWriter(ObjectSpec spec, Set<String> imports) {
        this.spec = spec;
        this.imports = imports;
    }

    void write(StringBuilder b) {
        String name = spec.name;
        b.append(Javadoc.block(
                "    ",
                List.of("Builds a {@link " + name + "}. A builder can be used again after "
                        + "{@link #build()}: each build makes a new object, and later changes to the builder do not reach it. "
                        + "Not safe for use by several threads at once.")));
        // JSON is read through the builder, without the required check: see buildLenient()
        b.append("    @JsonPOJOBuilder(withPrefix = \"with\", buildMethodName = \"buildLenient\")\n");
        b.append("    public static final class Builder {\n\n");
        for (Property p : spec.properties) {
            b.append("        private ")
                    .append(p.type().simpleName())
                    .append(' ')
                    .append(p.jsonName())
                    .append(";\n");
        }
        b.append("\n        private Builder() {\n");
        b.append("        }\n");
        for (Property p : spec.properties) {
            withMethods(b, p);
        }
        build(b);
        b.append("    }\n");
    }

    private void withMethods(StringBuilder b, Property p) {
        String f = p.jsonName();
        String with = "with" + p.capitalized();
        String doc = ClassWriter.getterDoc(p);
        b.append('\n')
                .append(Javadoc.block(
                        "        ",
                        List.of(
                                doc,
                                "@param " + f + " the value, or null to leave it absent",
                                "@return this builder")));
        b.append("        @JsonProperty(\"").append(f).append("\")\n");
        if (p.isoDate()) {
            b.append("        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = \"yyyy-MM-dd\")\n");
        }
        b.append("        public Builder ")
                .append(with)
                .append('(')
                .append(p.type().simpleName())
                .append(' ')
                .append(f)
                .append(") {\n");
        if (p.type().isList()) {
            imports.add("java.util.ArrayList");
            imports.add("java.util.Collections");
            // null entries are kept: a message read from the wire must reach the validator as it was sent
            b.append("            this.")
                    .append(f)
                    .append(" = ")
                    .append(f)
                    .append(" == null ? null : Collections.unmodifiableList(new ArrayList<>(")
                    .append(f)
                    .append("));\n");
        } else {
            b.append("            this.").append(f).append(" = ").append(f).append(";\n");
        }
        b.append("            return this;\n");
        b.append("        }\n");
        if (p.type().isList()) {
            imports.add("java.util.Arrays");
            b.append('\n')
                    .append(Javadoc.block(
                            "        ",
                            List.of(
                                    "Sets {@code " + f + "} to these entries, in this order.",
                                    "@param " + f + " the entries",
                                    "@return this builder")));
            b.append("        public Builder ")
                    .append(with)
                    .append('(')
                    .append(p.type().element().simpleName())
                    .append("... ")
                    .append(f)
                    .append(") {\n");
            b.append("            return ")
                    .append(with)
                    .append('(')
                    .append(f)
                    .append(" == null ? null : Arrays.asList(")
                    .append(f)
                    .append("));\n");
            b.append("        }\n");
        }
    }

    private void build(StringBuilder b) {
        String name = spec.name;
        List<Property> checked =
                spec.properties.stream().filter(Property::required).toList();
        if (checked.isEmpty()) {
            b.append('\n')
                    .append(Javadoc.block(
                            "        ",
                            List.of("A new " + name + " with the values set so far.", "@return the new object")));
        } else {
            b.append('\n')
                    .append(Javadoc.block(
                            "        ",
                            List.of(
                                    "A new " + name + " with the values set so far, once every "
                                            + "required member is there.",
                                    "@return the new object",
                                    "@throws " + ClassWriter.INCOMPLETE
                                            + " naming every required member that is missing")));
        }
        b.append("        public ").append(name).append(" build() {\n");
        if (!checked.isEmpty()) {
            imports.add("java.util.ArrayList");
            b.append("            List<String> missing = new ArrayList<>();\n");
            imports.add("java.util.List");
            for (Property p : checked) {
                String f = p.jsonName();
                b.append("            if (").append(f).append(" == null");
                if (p.nonEmpty()) {
                    b.append(" || ").append(f).append(".isEmpty()");
                }
                b.append(") {\n");
                b.append("                missing.add(\"").append(f).append("\");\n");
                b.append("            }\n");
            }
            b.append("            if (!missing.isEmpty()) {\n");
            b.append("                throw new ")
                    .append(ClassWriter.INCOMPLETE)
                    .append('(')
                    .append(name)
                    .append(".class, missing);\n");
            b.append("            }\n");
        }
        b.append("            return new ").append(name).append("(this);\n");
        b.append("        }\n\n");
        b.append(
                "        /** For reading JSON: no required check, so that the validator sees and reports what is missing. */\n");
        b.append("        ").append(name).append(" buildLenient() {\n");
        b.append("            return new ").append(name).append("(this);\n");
        b.append("        }\n");
    }
}
