package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Re-runs the generation step after a PRSB release or a change to the name map or the message
 * definitions: {@code ./mvnw -B -pl schemas -am test -Dtest=GeneratedFilesAreCurrentTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true}
 * (the test {@code GeneratedFilesAreCurrentTest} calls {@link #files}). Writes the generated
 * schemas under {@code json/} and the coverage report {@code PRSB-COVERAGE.md}. The build's
 * tests fail if a committed file differs from what this would write.
 */
public final class Regenerate {

    static final String SECTIONS_FILE = "json/prsb-sections.schema.json";

    private Regenerate() {}

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : "schemas");
        for (Map.Entry<String, String> f : files(module).entrySet()) {
            Files.writeString(module.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + module.resolve(f.getKey()));
        }
    }

    /** Every generated file, relative to the schemas module, with the content it should have. */
    static Map<String, String> files(Path module) {
        NameMap names = NameMap.load(module.resolve("prsb/name-map.tsv"));
        PrsbStandard prsb = PrsbStandard.v1_1();
        LengthOverrides lengths = LengthOverrides.load(module.resolve(LengthOverrides.FILE), prsb);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SECTIONS_FILE, Json.pretty(new SectionSchemaGenerator(prsb, names, lengths).generate()));
        try {
            var messages = Json.MAPPER.readTree(Files.readString(module.resolve("prsb/messages.json")));
            new MessageSchemaGenerator(prsb, names)
                    .generate(messages)
                    .forEach((file, schema) -> out.put("json/" + file, Json.pretty(schema)));
            out.put(CoverageReport.FILE, CoverageReport.generate(prsb, module, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
