package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where the schema files and the PRSB data come from: the module's folders while generating
 * (with the generator's fresh output in place of the files it is about to write), or this jar's
 * own copy on the classpath for the kit's {@code coverage} command. Both feed the same report.
 */
interface SchemaSource {

    String CLASSPATH_BASE = "org/linkway/schemas/";

    /** The names of the schema files ({@code json/}). */
    List<String> schemaFiles();

    /** A schema file's text, by name. */
    String schema(String file);

    /** A file of {@code prsb/} (elements, messages.json, the deliberate differences), by name. */
    String prsb(String file);

    /**
     * A file of {@code vocabulary/} (the code lists and their element bindings), by name, or
     * empty when there is no such file: the report reads the bindings when they exist.
     */
    Optional<String> vocabulary(String file);

    /** The module's {@code json/} and {@code prsb/}; {@code overrides} (file name to content) wins over {@code json/}. */
    static SchemaSource module(Path module, Map<String, String> overrides) {
        return folders(module.resolve("json"), module.resolve("prsb"), overrides);
    }

    static SchemaSource folders(Path json, Path prsb, Map<String, String> overrides) {
        Map<String, String> fresh = Map.copyOf(overrides);
        return new SchemaSource() {
            @Override
            public List<String> schemaFiles() {
                TreeSet<String> names = new TreeSet<>(fresh.keySet());
                try (Stream<Path> files = Files.list(json)) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.copyOf(names);
            }

            @Override
            public String schema(String file) {
                String text = fresh.get(file);
                return text != null ? text : read(json.resolve(file));
            }

            @Override
            public String prsb(String file) {
                return read(prsb.resolve(file));
            }

            @Override
            public Optional<String> vocabulary(String file) {
                Path p = prsb.resolveSibling("vocabulary").resolve(file);
                return Files.isRegularFile(p) ? Optional.of(read(p)) : Optional.empty();
            }
        };
    }

    /**
     * A draft laid out like this module: the schema files of {@code directory/json}, and the files
     * of {@code directory/prsb} and {@code directory/vocabulary} where the draft has them (this
     * jar's own copies otherwise).
     */
    static SchemaSource draft(Path directory) {
        SchemaSource bundled = classpath();
        Path json = directory.resolve("json");
        Path prsb = directory.resolve("prsb");
        Path vocabulary = directory.resolve("vocabulary");
        SchemaSource drafted = folders(json, prsb, Map.of());
        return new SchemaSource() {
            @Override
            public List<String> schemaFiles() {
                return drafted.schemaFiles();
            }

            @Override
            public String schema(String file) {
                return drafted.schema(file);
            }

            @Override
            public String prsb(String file) {
                return Files.isRegularFile(prsb.resolve(file)) ? read(prsb.resolve(file)) : bundled.prsb(file);
            }

            @Override
            public Optional<String> vocabulary(String file) {
                Path p = vocabulary.resolve(file);
                return Files.isRegularFile(p) ? Optional.of(read(p)) : bundled.vocabulary(file);
            }
        };
    }

    /** This module's resources as packaged: what a jar on the classpath carries. */
    static SchemaSource classpath() {
        return new SchemaSource() {
            @Override
            public List<String> schemaFiles() {
                return listClasspath(CLASSPATH_BASE + "json/");
            }

            @Override
            public String schema(String file) {
                return resource(CLASSPATH_BASE + "json/" + file);
            }

            @Override
            public String prsb(String file) {
                return resource(CLASSPATH_BASE + "prsb/" + file);
            }

            @Override
            public Optional<String> vocabulary(String file) {
                String name = CLASSPATH_BASE + "vocabulary/" + file;
                return SchemaSource.class.getClassLoader().getResource(name) == null
                        ? Optional.empty()
                        : Optional.of(resource(name));
            }
        };
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchemaSource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(name + " is not on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .json} files directly in a classpath folder, whether it is a directory or inside a jar. */
    private static List<String> listClasspath(String folder) {
        URL known = SchemaSource.class.getClassLoader().getResource(folder + "common.schema.json");
        if (known == null) {
            throw new IllegalStateException(folder + " is not on the classpath");
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            if ("jar".equals(known.getProtocol())) {
                JarURLConnection c = (JarURLConnection) known.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (n.startsWith(folder) && n.endsWith(".json") && n.indexOf('/', folder.length()) < 0) {
                            names.add(n.substring(folder.length()));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(known.toURI()).getParent())) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(known + " is not a usable location", e);
        }
        return List.copyOf(names);
    }
}
