package org.linkway.modelgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.linkway.modelgen.Specs.EnumSpec;
import org.linkway.modelgen.Specs.ObjectSpec;

/**
 * Writes Linkway's model types from its JSON Schemas. sdk-model runs it in generate-sources:
 *
 * <pre>ModelGenerator &lt;schema dir&gt; &lt;output dir&gt; &lt;package&gt; &lt;message schema&gt;...</pre>
 *
 * <p>Each message schema's root becomes a class named by its {@code javaType} that implements
 * the package's {@code PrsbMessage}; every object type it reaches becomes a class, every string
 * enum an enum. The output directory's package folder is emptied first, so a type removed from
 * the schemas does not linger.
 */
public final class ModelGenerator {

    private ModelGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: ModelGenerator <schema dir> <output dir> <package> <message schema>...");
            System.exit(2);
        }
        List<Path> written = generate(
                Path.of(args[0]), Path.of(args[1]), args[2], Arrays.asList(args).subList(3, args.length));
        System.out.println("Linkway model generator: " + written.size() + " types from " + (args.length - 3)
                + " message schemas into " + args[1]);
    }

    /** Writes the types and returns the files written. */
    public static List<Path> generate(Path schemaDir, Path outputDir, String packageName, List<String> messageSchemas)
            throws IOException {
        SchemaReader reader = new SchemaReader(schemaDir);
        for (String schema : messageSchemas) {
            reader.readMessage(schema);
        }
        Path packageDir = outputDir.resolve(packageName.replace('.', '/'));
        clean(packageDir);
        Files.createDirectories(packageDir);
        List<Path> written = new ArrayList<>();
        for (ObjectSpec spec : reader.objects()) {
            written.add(write(packageDir.resolve(spec.name + ".java"), new ClassWriter(packageName, spec).write()));
        }
        for (EnumSpec e : reader.topLevelEnums()) {
            written.add(write(packageDir.resolve(e.name + ".java"), EnumWriter.file(packageName, e)));
        }
        return written;
    }

    private static void clean(Path packageDir) throws IOException {
        if (!Files.isDirectory(packageDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(packageDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static Path write(Path file, String source) throws IOException {
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }
}
