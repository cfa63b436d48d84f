package org.linkway.modelgen;

import java.util.List;
import java.util.Locale;
import org.linkway.modelgen.Specs.EnumSpec;

/**
 * Writes a string enum: one constant per schema value (in-progress gives IN_PROGRESS, 1 gives _1),
 * written to JSON as the schema value and read back from it.
 */
final class EnumWriter {

    private EnumWriter() {}

    static String constantName(String value) {
        String name = value.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
        return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
    }

    /** The enum's declaration at the given indent (nested in a class, or a file's body at the top level). */
    static String write(EnumSpec e, String indent, boolean nested) {
        String i = indent;
        StringBuilder out = new StringBuilder();
        String doc = e.description.isBlank()
                ? "The values the schema allows for " + e.name + "."
                : Javadoc.escape(e.description);
        out.append(Javadoc.block(i, List.of(doc)));
        if (!nested) {
            out.append(i)
                    .append("@Generated(\"")
                    .append(ModelGenerator.class.getName())
                    .append("\")\n");
        }
        out.append(i).append("public enum ").append(e.name).append(" {\n\n");
        for (int k = 0; k < e.values.size(); k++) {
            String value = e.values.get(k);
            out.append(i)
                    .append("    ")
                    .append(constantName(value))
                    .append("(\"")
                    .append(value)
                    .append("\")")
                    .append(k == e.values.size() - 1 ? ";\n\n" : ",\n");
        }
        out.append(i)
                .append("    private static final Map<String, ")
                .append(e.name)
                .append("> BY_VALUE = new HashMap<>();\n\n");
        out.append(i).append("    static {\n");
        out.append(i).append("        for (").append(e.name).append(" constant : values()) {\n");
        out.append(i).append("            BY_VALUE.put(constant.value, constant);\n");
        out.append(i).append("        }\n");
        out.append(i).append("    }\n\n");
        out.append(i).append("    private final String value;\n\n");
        out.append(i).append("    ").append(e.name).append("(String value) {\n");
        out.append(i).append("        this.value = value;\n");
        out.append(i).append("    }\n\n");
        out.append(i).append("    /** The value as written in JSON. */\n");
        out.append(i).append("    @JsonValue\n");
        out.append(i).append("    public String value() {\n");
        out.append(i).append("        return value;\n");
        out.append(i).append("    }\n\n");
        out.append(i).append("    @Override\n");
        out.append(i).append("    public String toString() {\n");
        out.append(i).append("        return value;\n");
        out.append(i).append("    }\n\n");
        out.append(i).append("    /**\n");
        out.append(i).append("     * The constant for a JSON value.\n");
        out.append(i).append("     *\n");
        out.append(i).append("     * @param value the value as written in JSON\n");
        out.append(i).append("     * @return the constant\n");
        out.append(i).append("     * @throws IllegalArgumentException if the schema does not allow the value\n");
        out.append(i).append("     */\n");
        out.append(i).append("    @JsonCreator\n");
        out.append(i).append("    public static ").append(e.name).append(" fromValue(String value) {\n");
        out.append(i).append("        ").append(e.name).append(" constant = BY_VALUE.get(value);\n");
        out.append(i).append("        if (constant == null) {\n");
        out.append(i).append("            throw new IllegalArgumentException(value);\n");
        out.append(i).append("        }\n");
        out.append(i).append("        return constant;\n");
        out.append(i).append("    }\n");
        out.append(i).append("}\n");
        return out.toString();
    }

    /** A whole file for a top-level enum. */
    static String file(String packageName, EnumSpec e) {
        return "package " + packageName + ";\n\n"
                + "import java.util.HashMap;\n"
                + "import java.util.Map;\n\n"
                + "import javax.annotation.processing.Generated;\n\n"
                + "import com.fasterxml.jackson.annotation.JsonCreator;\n"
                + "import com.fasterxml.jackson.annotation.JsonValue;\n\n"
                + write(e, "", false);
    }
}
