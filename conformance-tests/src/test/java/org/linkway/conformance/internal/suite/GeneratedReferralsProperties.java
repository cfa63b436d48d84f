package org.linkway.conformance.internal.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kit's generators, checked against the SDK's validator (an independent oracle): generated
 * referrals are valid, generated NHS numbers pass the check digit, a mutation is a real change,
 * and the same seed sends the same messages.
 */
class GeneratedReferralsProperties {

    static final MessageValidator VALIDATOR = MessageValidator.create();

    @Property(tries = 40)
    void generated_referrals_are_valid_under_the_standard(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        ObjectNode referral = new GeneratedReferrals(seed).nextValidCandidate();
        ValidationResult result = VALIDATOR.validate(referral.toString());
        assertThat(result.errors()).as(referral.toString()).isEmpty();
        JsonNode nhs = referral.at("/personDemographics/nhsNumber");
        if (!nhs.isMissingNode()) {
            assertThat(nhs.asString()).startsWith("999").hasSize(10);
        }
    }

    @Property(tries = 60)
    void a_mutation_changes_the_message(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        GeneratedReferrals gen = new GeneratedReferrals(seed);
        ObjectNode valid = gen.nextValidCandidate();
        assertThat(gen.mutate(valid)).isNotEqualTo(valid.toString());
    }

    @Property(tries = 20)
    void the_same_seed_sends_the_same_messages(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        GeneratedReferrals a = new GeneratedReferrals(seed);
        GeneratedReferrals b = new GeneratedReferrals(seed);
        for (int i = 0; i < 3; i++) {
            ObjectNode x = a.nextValidCandidate();
            assertThat(b.nextValidCandidate()).isEqualTo(x);
            assertThat(a.mutate(x)).isEqualTo(b.mutate(x));
        }
    }

    @Property(tries = 200)
    void a_check_digit_is_what_the_validator_accepts(@ForAll @LongRange(min = 0, max = 999_999) long n) {
        String number = GeneratedReferrals.withCheckDigit("999" + String.format("%06d", n));
        if (number != null) {
            ObjectNode referral = org.linkway.conformance.internal.Examples.toSend(org.linkway.conformance.internal.Examples.FULL_REFERRAL);
            ((ObjectNode) referral.path("personDemographics")).put("nhsNumber", number);
            assertThat(VALIDATOR.validate(referral.toString()).findings()).extracting(f -> f.ruleId()).doesNotContain("LW-NHS-NUMBER");
        }
    }
}
