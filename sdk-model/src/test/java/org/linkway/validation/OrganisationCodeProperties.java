package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.validation.checks.OdsCode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Organisation ODS codes, generated: every code of each form an organisation has passes, in the
 * check and in a whole referral; every code mutated out of its form fails, with LW-ODS-CODE at
 * the code's place naming the code.
 */
@Timeout(120)
class OrganisationCodeProperties {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String REFERRER_CODE = "/referralDetails/entries/0/referrerDetails/organisation/code";
    private static final long SEED = 20_261_204L;
    private static final MessageValidator VALIDATOR = MessageValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC))
            .build();

    private record Code(String value, OdsCode.Form form) {}

    private static Gen<String> from(String alphabet, int length) {
        return Generate.intArrays(Generate.constant(length), Generate.range(0, alphabet.length() - 1))
                .map(ix -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i : ix) {
                        sb.append(alphabet.charAt(i));
                    }
                    return sb.toString();
                });
    }

    /** A code of each form: 3 or 5 letters and digits, or a letter and five digits. */
    private static Gen<Code> codes() {
        Gen<Code> organisation = from(ALPHANUMERIC, 3).map(v -> new Code(v, OdsCode.Form.ORGANISATION));
        Gen<Code> site = from(ALPHANUMERIC, 5).map(v -> new Code(v, OdsCode.Form.SITE));
        Gen<Code> practice = from("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1)
                .zip(from("0123456789", 5), (letter, digits) -> new Code(letter + digits, OdsCode.Form.GP_PRACTICE));
        return Generate.oneOf(organisation, site, practice);
    }

    /** Ways out of every form: a length no form has, a character no code has, a GP practice code with a letter among its digits. */
    private static String mutate(Code code, int how, int where, int pick) {
        String v = code.value();
        int at = where % v.length();
        switch (how) {
            case 0: { // a length no form has: 1, 2, 4, 7 or 8
                int length = List.of(1, 2, 4, 7, 8).get(pick % 5);
                return (v + v + v).substring(0, length);
            }
            case 1: { // a character an ODS code never has
                char bad = " -.a/éz".charAt(pick % 7);
                return v.substring(0, at) + bad + v.substring(at + 1);
            }
            default: { // a GP practice code whose shape is broken, or any code with a lower-case letter
                if (code.form() == OdsCode.Form.GP_PRACTICE) {
                    return pick % 2 == 0
                            ? (char) ('0' + pick % 10) + v.substring(1)
                            : v.substring(0, 1 + at % 5) + (char) ('A' + pick % 26) + v.substring(2 + at % 5);
                }
                return v.substring(0, at) + Character.toLowerCase((char) ('A' + pick % 26)) + v.substring(at + 1);
            }
        }
    }

    private static ValidationResult referralFrom(String code) {
        ObjectNode referral = Fixtures.minimalReferral();
        ((ObjectNode) referral.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", code);
        return VALIDATOR.validate(referral.toString());
    }

    @Test
    void everyCodeOfEachFormPassesTheCheckAndTheValidator() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(codes()).checkAssert(code -> {
            assertThat(OdsCode.Form.of(code.value())).contains(code.form());
            assertThat(OdsCode.organisationProblem(code.value())).isEmpty();
            assertThat(referralFrom(code.value()).findings()).as(code.value()).isEmpty();
        });
    }

    @Test
    void everyMutatedCodeFailsNamingTheCodeAndTheRule() {
        qt().withFixedSeed(SEED)
                .withExamples(400)
                .forAll(codes(), Generate.range(0, 2), Generate.range(0, 100), Generate.range(0, 1000))
                .checkAssert((code, how, where, pick) -> {
                    String bad = mutate(code, how, where, pick);
                    assertThat(OdsCode.isOrganisationCode(bad))
                            .as("%s from %s", bad, code.value())
                            .isFalse();
                    assertThat(OdsCode.organisationProblem(bad)).as(bad).isPresent();
                    List<Finding> ods = referralFrom(bad).findings().stream()
                            .filter(f -> f.ruleId().equals(Rule.ODS_CODE.id()))
                            .toList();
                    assertThat(ods)
                            .as("%s from %s", bad, code.value())
                            .singleElement()
                            .satisfies(f -> {
                                assertThat(f.pointer()).isEqualTo(REFERRER_CODE);
                                assertThat(f.prsbPath())
                                        .isEqualTo(
                                                "Referral details / Referral details record entry / Referrer details / Organisation");
                                assertThat(f.message()).startsWith("ODS code '" + bad + "': ");
                            });
                });
    }
}
