package org.linkway.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Random;
import java.util.stream.Stream;

import org.linkway.model.MessageType;
import org.linkway.validation.MessageValidator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming copy that stores a referral must write exactly what the tree path writes, for any
 * member order, spacing and placer id a sender may use; otherwise two servers, or one server's two
 * paths, would store different bytes for one message.
 */
class StoredCopyProperties {

    private static final String ORG = "/referralDetails/entries/0/referrerDetails/organisation/code";
    private static final Intake INTAKE = new Intake(MessageValidator.create());
    private static final List<Sample> SAMPLES = samples();

    record Sample(String file, MessageType type, ObjectNode message) { }

    @Property(tries = 300)
    void theCopyWritesWhatTheTreeWrites(@ForAll("bodies") Body b) {
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", "0b7d2c7e-61b5-4f7a-9a53-3f2c4a1e9d10");
        assigned.put("status", "received");
        ObjectNode tree = Intake.moveBesideId(INTAKE.accept(b.bytes(), b.type(), assigned), "referrerReferralId");

        Intake.Stored copied = StoredCopy.copy(b.bytes(), assigned, "referrerReferralId", ORG);

        assertThat(copied).as("a valid message with all its identifying members takes the streaming path").isNotNull();
        assertThat(copied.json()).isEqualTo(Json.write(tree));
        assertThat(copied.picked()).isEqualTo(tree.at(ORG).asString(null));
        assertThat(INTAKE.acceptStored(b.bytes(), b.type(), assigned, "referrerReferralId", ORG)).isEqualTo(copied);
    }

    @Example
    void aServerAssignedMemberIsRefusedAsOnTheTreePath() {
        ObjectNode sent = SAMPLES.get(0).message().deepCopy();
        sent.put("status", "completed");
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", "x");
        assigned.put("status", "received");

        assertThat(StoredCopy.copy(bytes(sent), assigned, null, ORG)).isNull();
        assertThatThrownBy(() -> INTAKE.acceptStored(bytes(sent), SAMPLES.get(0).type(), assigned, null, ORG))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("'status' is assigned by the server"));
    }

    @Example
    void unknownMembersAreStrippedOnTheTreePath() {
        Sample s = SAMPLES.stream().filter(x -> x.type() == MessageType.REFERRAL).findFirst().orElseThrow();
        ObjectNode sent = s.message().deepCopy();
        sent.put("madeUpMember", "dropped, as the validator's warning says");

        Intake.Stored stored = INTAKE.acceptStored(bytes(sent), s.type(), Map.of("id", "r1", "status", "received"), null, ORG);

        assertThat(stored.json()).doesNotContain("madeUpMember");
        assertThat(stored.picked()).isEqualTo(s.message().at(ORG).asString(null));
    }

    record Body(MessageType type, byte[] bytes) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<Sample> sample = Arbitraries.of(SAMPLES.stream().filter(s -> s.type() == MessageType.REFERRAL).toList());
        Arbitrary<String> placer = Arbitraries.strings().alpha().numeric().withChars("-/ é").ofMinLength(1).ofMaxLength(30)
                .injectNull(0.4);
        return net.jqwik.api.Combinators.combine(sample, placer, Arbitraries.longs(), Arbitraries.of(true, false))
                .as((s, placerId, seed, pretty) -> {
                    ObjectNode m = s.message().deepCopy();
                    if (placerId != null) {
                        m.put("referrerReferralId", placerId);
                    }
                    ObjectNode shuffled = shuffle(m, new Random(seed));
                    byte[] out = pretty ? Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(shuffled)
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
            return files.sorted().map(f -> {
                ObjectNode m = (ObjectNode) Json.MAPPER.readTree(f.toFile());
                m.remove(List.of("id", "status")); // the examples show stored messages; a sender leaves these to the server
                return MessageType.fromResourceType(m.path("resourceType").asString()).map(t -> new Sample(f.toString(), t, m))
                        .orElse(null);
            }).filter(java.util.Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
