package org.linkway.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageType;
import org.linkway.testing.Gens;
import org.linkway.validation.MessageValidator;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming copy that stores a referral must write exactly what the tree path writes, for any
 * member order, spacing and placer id a sender may use; otherwise two servers, or one server's two
 * paths, would store different bytes for one message.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StoredCopyProperties {

    private static final String ORG = "/referralDetails/entries/0/referrerDetails/organisation/code";
    private static final Intake INTAKE = new Intake(MessageValidator.create());
    private static final List<Sample> SAMPLES = samples();

    record Sample(String file, MessageType type, ObjectNode message) {}

    @Test
    void theCopyWritesWhatTheTreeWrites() {
        qt().withFixedSeed(7_501L)
                .withExamples(300)
                .forAll(bodies())
                .checkAssert(StoredCopyProperties::copyWritesWhatTheTreeWrites);
    }

    private static void copyWritesWhatTheTreeWrites(Body b) {
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", "0b7d2c7e-61b5-4f7a-9a53-3f2c4a1e9d10");
        assigned.put("status", "received");
        ObjectNode tree = Intake.moveBesideId(INTAKE.accept(b.bytes(), b.type(), assigned), "referrerReferralId");

        Intake.Stored copied = StoredCopy.copy(b.bytes(), assigned, "referrerReferralId", ORG);

        assertThat(copied)
                .as("a valid message with all its identifying members takes the streaming path")
                .isNotNull();
        assertThat(copied.json()).isEqualTo(Json.write(tree));
        assertThat(copied.picked()).isEqualTo(tree.at(ORG).asString(null));
        assertThat(INTAKE.acceptStored(b.bytes(), b.type(), assigned, "referrerReferralId", ORG))
                .isEqualTo(copied);
    }

    @Test
    void aServerAssignedMemberIsRefusedAsOnTheTreePath() {
        ObjectNode sent = SAMPLES.get(0).message().deepCopy();
        sent.put("status", "completed");
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", "x");
        assigned.put("status", "received");

        assertThat(StoredCopy.copy(bytes(sent), assigned, null, ORG)).isNull();
        assertThatThrownBy(() -> INTAKE.acceptStored(bytes(sent), SAMPLES.get(0).type(), assigned, null, ORG))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> assertThat(p.getMessage()).contains("'status' is assigned by the server"));
    }

    @Test
    void unknownMembersOfANewerMinorAreStrippedOnTheTreePath() {
        Sample s = SAMPLES.stream()
                .filter(x -> x.type() == MessageType.REFERRAL)
                .findFirst()
                .orElseThrow();
        ObjectNode sent = s.message().deepCopy();
        sent.put("madeUpMember", "dropped, as the validator's warning says");
        // only a newer minor may hold members this reader does not know; in its own version they are errors
        sent.put("schemaVersion", "1.1.0");

        Intake.Stored stored =
                INTAKE.acceptStored(bytes(sent), s.type(), Map.of("id", "r1", "status", "received"), null, ORG);

        assertThat(stored.json()).doesNotContain("madeUpMember");
        assertThat(stored.picked()).isEqualTo(s.message().at(ORG).asString(null));
    }

    record Body(MessageType type, byte[] bytes) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Gen<Body> bodies() {
        Gen<Sample> sample = Generate.pick(
                SAMPLES.stream().filter(s -> s.type() == MessageType.REFERRAL).toList());
        Gen<String> placer = Gens.orNull(
                Gens.text(Gens.range('a', 'z') + Gens.range('A', 'Z') + Gens.range('0', '9') + "-/ \u00e9", 1, 30), 40);
        return sample.zip(placer, longs().all(), booleans().all(), (s, placerId, seed, pretty) -> {
            ObjectNode m = s.message().deepCopy();
            if (placerId != null) {
                m.put("referrerReferralId", placerId);
            }
            ObjectNode shuffled = shuffle(m, new Random(seed));
            byte[] out = pretty
                    ? Json.MAPPER
                            .writer()
                            .with(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsBytes(shuffled)
                    : Json.MAPPER.writeValueAsBytes(shuffled);
            return new Body(s.type(), out);
        });
    }

    private static ObjectNode shuffle(ObjectNode m, Random random) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(m.properties());
        Collections.shuffle(members, random);
        ObjectNode out = Json.MAPPER.createObjectNode();
        members.forEach(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private static byte[] bytes(JsonNode n) {
        return Json.MAPPER.writeValueAsBytes(n);
    }

    private static List<Sample> samples() {
        Path dir = Path.of("..", "schemas", "examples", "valid");
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted()
                    .map(f -> {
                        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(f.toFile());
                        m.remove(List.of(
                                "id",
                                "status")); // the examples show stored messages; a sender leaves these to the server
                        return MessageType.fromResourceType(
                                        m.path("resourceType").asString())
                                .map(t -> new Sample(f.toString(), t, m))
                                .orElse(null);
                    })
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
