package org.linkway.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.MessageValidator;

/** The valid example messages with a FHIR binding, and shared test set-up. */
final class FhirExamples {

    static final Path EXAMPLES = Path.of("../schemas/examples");
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    static final MessageValidator VALIDATOR =
            MessageValidator.builder().clock(TODAY).build();
    static final FhirBinding BINDING = FhirBinding.withValidator(VALIDATOR);

    private FhirExamples() {}

    /** Valid examples whose type has a FHIR binding. */
    static List<Path> bound() {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("valid"))) {
            return files.filter(
                            p -> type(p) != null && FhirBinding.supportedTypes().contains(type(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageType type(Path p) {
        String name = p.getFileName().toString();
        String kind = name.substring(0, name.indexOf("--"));
        for (MessageType t : MessageType.values()) {
            if (t.schemaFile().equals(kind + ".schema.json")) {
                return t;
            }
        }
        return null;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrsbMessage message(Path p) {
        MessageType t = type(p);
        return LinkwayJson.mapper().readValue(read(p), t.javaType());
    }
}
