package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The validator never throws, and valid messages survive JSON unchanged. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ValidatorProperties {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();
    private final JsonMapper mapper = LinkwayJson.mapper();

    @Test
    void valid_generated_referrals_round_trip_through_json_unchanged() {
        qt().withFixedSeed(4_101L)
                .withExamples(300)
                .forAll(ReferralGens.referrals())
                .checkAssert(this::roundTrips);
    }

    private void roundTrips(Referral referral) {
        String json = mapper.writeValueAsString(referral);

        ValidationResult result = validator.validate(json);
        assertThat(result.findings()).as(result.toString()).isEmpty();

        Referral back = mapper.readValue(json, Referral.class);
        assertThat(back).isEqualTo(referral);
        assertThat(mapper.writeValueAsString(back)).isEqualTo(json);
        assertThat(validator.validate(referral).findings()).isEmpty();
    }

    @Test
    void never_throws_on_arbitrary_text() {
        qt().withFixedSeed(4_102L)
                .withExamples(500)
                .forAll(Gens.anyText(500))
                .checkAssert(text -> assertNoInternalError(validator.validate(text)));
    }

    @Test
    void never_throws_on_arbitrary_bytes() {
        qt().withFixedSeed(4_103L)
                .withExamples(300)
                .forAll(bytes())
                .checkAssert(bytes -> assertNoInternalError(validator.validate(bytes)));
    }

    @Test
    void never_throws_on_a_valid_referral_with_one_part_replaced_by_junk() {
        qt().withFixedSeed(4_104L)
                .withExamples(1000)
                .forAll(
                        ReferralGens.referrals(),
                        JsonMutations.junk(),
                        integers().all())
                .checkAssert(this::neverThrowsAfterOneEdit);
    }

    private void neverThrowsAfterOneEdit(Referral referral, JsonNode junk, int seed) {
        ObjectNode tree = mapper.valueToTree(referral);
        List<Runnable> edits = JsonMutations.edits(tree, junk);
        edits.get(Math.floorMod(seed, edits.size())).run();

        ValidationResult result = validator.validate(tree.toString());

        assertNoInternalError(result);
        for (Finding f : result.findings()) {
            assertThat(f.pointer())
                    .as("%s points into the message", f)
                    .satisfiesAnyOf(
                            p -> assertThat(tree.at(p).isMissingNode()).isFalse(),
                            p -> assertThat(tree.at(p.substring(0, Math.max(0, p.lastIndexOf('/'))))
                                            .isMissingNode())
                                    .isFalse());
        }
    }

    private static void assertNoInternalError(ValidationResult result) {
        assertThat(result).isNotNull();
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(Rule.INTERNAL_ERROR.id());
    }

    private static Gen<byte[]> bytes() {
        Gen<byte[]> random = Gens.bytes(0, 300);
        Gen<byte[]> truncated = integers()
                .between(0, Fixtures.MINIMAL_REFERRAL.length())
                .map(n -> Fixtures.MINIMAL_REFERRAL.substring(0, n).getBytes(StandardCharsets.UTF_8));
        return Gens.oneOf(random, truncated);
    }
}
