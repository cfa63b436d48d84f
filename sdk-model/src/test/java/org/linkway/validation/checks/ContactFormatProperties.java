package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkway.testing.Gens;

/** E-mail addresses and telephone numbers in the forms people write pass; each kind of slip fails, in one sentence. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ContactFormatProperties {

    @Test
    void generated_email_addresses_pass() {
        qt().withFixedSeed(17_201L)
                .withExamples(2000)
                .forAll(Gens.emailAddresses())
                .checkAssert(a -> assertThat(EmailFormat.problem(a)).as(a).isEmpty());
    }

    @Test
    void an_email_address_with_one_slip_fails_in_one_sentence() {
        qt().withFixedSeed(17_202L)
                .withExamples(2000)
                .forAll(Gens.emailAddresses(), integers().between(0, 7))
                .checkAssert((a, slip) -> {
                    String broken = emailSlip(a, slip);
                    assertThat(EmailFormat.problem(broken))
                            .as("%s (slip %d of %s)", broken, slip, a)
                            .hasValueSatisfying(Sentences::assertIsOneSentence);
                });
    }

    private static String emailSlip(String a, int slip) {
        int at = a.indexOf('@');
        switch (slip) {
            case 0:
                return a.replace("@", ""); // no @
            case 1:
                return a.substring(at); // no local part
            case 2:
                return a.substring(0, at + 1); // no domain
            case 3:
                return a.substring(0, at + 1) + a.substring(at + 1).replace(".", ""); // domain without a dot
            case 4:
                return a.substring(0, at) + " @" + a.substring(at + 1); // a space
            case 5:
                return a.substring(0, at) + "@@" + a.substring(at + 1); // two @
            case 6:
                return a + "."; // ends with a dot
            default:
                return "." + a; // starts with a dot
        }
    }

    @Test
    void generated_telephone_numbers_pass() {
        qt().withFixedSeed(17_203L)
                .withExamples(2000)
                .forAll(Gens.telephoneNumbers())
                .checkAssert(n -> assertThat(TelephoneFormat.problem(n)).as(n).isEmpty());
    }

    @Test
    void a_telephone_number_with_one_slip_fails_in_one_sentence() {
        qt().withFixedSeed(17_204L)
                .withExamples(2000)
                .forAll(Gens.telephoneNumbers(), integers().between(0, 5))
                .checkAssert((n, slip) -> {
                    String broken = telephoneSlip(n, slip);
                    assertThat(TelephoneFormat.problem(broken))
                            .as("%s (slip %d of %s)", broken, slip, n)
                            .hasValueSatisfying(Sentences::assertIsOneSentence);
                });
    }

    private static String telephoneSlip(String n, int slip) {
        switch (slip) {
            case 0:
                return n + " ext 12"; // words
            case 1:
                return n.substring(0, n.length() - 1) + "O"; // a letter O for a zero
            case 2:
                return n + "1234567890123456"; // far too many digits
            case 3:
                return firstDigits(n, 5); // far too few
            case 4:
                return n.charAt(0) + "+" + n.substring(1); // + in the middle
            default:
                return n + " (";
        }
    }

    /** The number cut after its first {@code count} digits. */
    private static String firstDigits(String n, int count) {
        int seen = 0;
        for (int i = 0; i < n.length(); i++) {
            if (Character.isDigit(n.charAt(i)) && ++seen == count) {
                return n.substring(0, i + 1);
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01632 960123",
                "(01632) 960 123",
                "07700-900123",
                "07700900123",
                "+44 7700 900123",
                "+44 (0)1632 960123",
                "0044 1632 960123",
                "+33 1 23 45 67 89",
                "+1 (212) 555-0100",
                "020 7946 0000"
            })
    void telephone_numbers_as_written_in_the_uk_pass(String n) {
        assertThat(TelephoneFormat.problem(n)).as(n).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "maureen.ashdown@example.com",
                "a@b.co",
                "first.o'brien+sp@nhs.example.nhs.uk",
                "zoë@exämple.org",
                "x_y-z%1@sub-domain.example.org"
            })
    void email_addresses_as_written_pass(String a) {
        assertThat(EmailFormat.problem(a)).as(a).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"maureen.example.com", "@example.com", "maureen@", "maureen@example", "maureen@example.123"})
    void email_addresses_the_issue_names_fail(String a) {
        assertThat(EmailFormat.problem(a)).as(a).isPresent();
    }
}
