package org.linkway.validation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.linkway.model.MessageType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compiled schemas a validator checks against: the bundled ones, or a directory of drafts laid
 * out like the project's {@code schemas/} (the schema files in its {@code json/} folder).
 */
public final class SchemaSet {

    private static final SchemaSet BUNDLED = new SchemaSet(SpecCompiler.bundled());

    private final Map<MessageType, Spec> roots;

    private SchemaSet(Map<MessageType, Spec> roots) {
        this.roots = roots;
    }

    public static SchemaSet bundled() {
        return BUNDLED;
    }

    /**
     * Compiles the schemas of {@code directory}/json. Throws {@link IllegalArgumentException} naming
     * the folder or file when one is missing, is not well-formed JSON, or uses a construct the
     * validator does not understand.
     */
    public static SchemaSet fromDirectory(Path directory) {
        Path json = directory.resolve("json");
        if (!Files.isDirectory(json)) {
            throw new IllegalArgumentException(
                    json + " is not a directory: give a folder laid out like schemas/, with the schema files in json/");
        }
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            return new SchemaSet(SpecCompiler.compileAll(name -> read(mapper, json, name)));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schemas in " + json + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(JsonMapper mapper, Path folder, String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is missing (a schema names it in a $ref or as a message's schema)");
        }
        try {
            return mapper.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    file + " is not well-formed JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    Spec root(MessageType type) {
        return roots.get(type);
    }
}
