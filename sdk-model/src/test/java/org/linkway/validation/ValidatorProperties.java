package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The validator never throws, and valid messages survive JSON unchanged. */
class ValidatorProperties {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final MessageValidator validator = MessageValidator.builder().clock(TODAY).build();
    private final JsonMapper mapper = LinkwayJson.mapper();

    @Property(tries = 300)
    void valid_generated_referrals_round_trip_through_json_unchanged(@ForAll("referrals") Referral referral) {
        String json = mapper.writeValueAsString(referral);

        ValidationResult result = validator.validate(json);
        assertThat(result.findings()).as(result.toString()).isEmpty();

        Referral back = mapper.readValue(json, Referral.class);
        assertThat(back).isEqualTo(referral);
        assertThat(mapper.writeValueAsString(back)).isEqualTo(json);
        assertThat(validator.validate(referral).findings()).isEmpty();
    }

    @Property(tries = 500)
    void never_throws_on_arbitrary_text(@ForAll @StringLength(max = 500) String text) {
        assertNoInternalError(validator.validate(text));
    }

    @Property(tries = 300)
    void never_throws_on_arbitrary_bytes(@ForAll("bytes") byte[] bytes) {
        assertNoInternalError(validator.validate(bytes));
    }

    @Property(tries = 1000)
    void never_throws_on_a_valid_referral_with_one_part_replaced_by_junk(@ForAll("referrals") Referral referral,
                                                                         @ForAll("junk") JsonNode junk,
                                                                         @ForAll("seeds") int seed) {
        ObjectNode tree = mapper.valueToTree(referral);
        List<Runnable> edits = JsonMutations.edits(tree, junk);
        edits.get(Math.floorMod(seed, edits.size())).run();

        ValidationResult result = validator.validate(tree.toString());

        assertNoInternalError(result);
        for (Finding f : result.findings()) {
            assertThat(f.pointer()).as("%s points into the message", f).satisfiesAnyOf(
                    p -> assertThat(tree.at(p).isMissingNode()).isFalse(),
                    p -> assertThat(tree.at(p.substring(0, Math.max(0, p.lastIndexOf('/')))).isMissingNode()).isFalse());
        }
    }

    private static void assertNoInternalError(ValidationResult result) {
        assertThat(result).isNotNull();
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain(Rule.INTERNAL_ERROR.id());
    }

    @Provide
    Arbitrary<Referral> referrals() {
        return ReferralArbitraries.referrals();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, Fixtures.MINIMAL_REFERRAL.length())
                .map(n -> Fixtures.MINIMAL_REFERRAL.substring(0, n).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, truncated);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers();
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        return JsonMutations.junk();
    }
}
