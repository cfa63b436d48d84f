package org.linkway.conformance.internal.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.conformance.internal.Examples;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kit's generators, checked against the SDK's validator (an independent oracle): generated
 * referrals are valid, generated NHS numbers pass the check digit, a mutation is a real change,
 * and the same seed sends the same messages.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GeneratedReferralsProperties {

    static final MessageValidator VALIDATOR = MessageValidator.create();

    @Test
    void generated_referrals_are_valid_under_the_standard() {
        qt().withFixedSeed(8_201L)
                .withExamples(40)
                .forAll(longs().between(0, 1_000_000))
                .checkAssert(GeneratedReferralsProperties::generatedIsValid);
    }

    @Test
    void a_mutation_changes_the_message() {
        qt().withFixedSeed(8_202L)
                .withExamples(60)
                .forAll(longs().between(0, 1_000_000))
                .checkAssert(GeneratedReferralsProperties::mutationChanges);
    }

    @Test
    void the_same_seed_sends_the_same_messages() {
        qt().withFixedSeed(8_203L)
                .withExamples(20)
                .forAll(longs().between(0, 1_000_000))
                .checkAssert(GeneratedReferralsProperties::sameSeedSameMessages);
    }

    @Test
    void a_check_digit_is_what_the_validator_accepts() {
        qt().withFixedSeed(8_204L)
                .withExamples(200)
                .forAll(longs().between(0, 999_999))
                .checkAssert(GeneratedReferralsProperties::checkDigitAccepted);
    }

    private static void generatedIsValid(long seed) {
        ObjectNode referral = new GeneratedReferrals(seed).nextValidCandidate();
        ValidationResult result = VALIDATOR.validate(referral.toString());
        assertThat(result.errors()).as(referral.toString()).isEmpty();
        JsonNode nhs = referral.at("/personDemographics/nhsNumber");
        if (!nhs.isMissingNode()) {
            assertThat(nhs.asString()).startsWith("999").hasSize(10);
        }
    }

    private static void mutationChanges(long seed) {
        GeneratedReferrals gen = new GeneratedReferrals(seed);
        ObjectNode valid = gen.nextValidCandidate();
        assertThat(gen.mutate(valid)).isNotEqualTo(valid.toString());
    }

    private static void sameSeedSameMessages(long seed) {
        GeneratedReferrals a = new GeneratedReferrals(seed);
        GeneratedReferrals b = new GeneratedReferrals(seed);
        for (int i = 0; i < 3; i++) {
            ObjectNode x = a.nextValidCandidate();
            assertThat(b.nextValidCandidate()).isEqualTo(x);
            assertThat(a.mutate(x)).isEqualTo(b.mutate(x));
        }
    }

    private static void checkDigitAccepted(long n) {
        String number = GeneratedReferrals.withCheckDigit("999" + String.format("%06d", n));
        if (number != null) {
            ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
            ((ObjectNode) referral.path("personDemographics")).put("nhsNumber", number);
            assertThat(VALIDATOR.validate(referral.toString()).findings())
                    .extracting(f -> f.ruleId())
                    .doesNotContain("LW-NHS-NUMBER");
        }
    }
}
