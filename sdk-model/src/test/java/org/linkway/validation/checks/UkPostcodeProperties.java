package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UkPostcodeProperties {

    private static final Gen<String> LETTER = Gens.text(Gens.range('A', 'Z'), 1, 1);
    private static final Gen<String> DIGIT = Gens.digits(1, 1);
    /** The longest postcode without its space, "AA9A 9AA", has seven characters. */
    private static final int LONGEST_COMPACT = 7;

    /** Canonical postcodes built shape by shape, independently of the pattern under test. */
    static Gen<String> canonicalPostcodes() {
        Gen<String> outward = Gens.oneOf(
                join(LETTER, DIGIT),
                join(LETTER, DIGIT, DIGIT),
                join(LETTER, LETTER, DIGIT),
                join(LETTER, LETTER, DIGIT, DIGIT),
                join(LETTER, DIGIT, LETTER),
                join(LETTER, LETTER, DIGIT, LETTER));
        Gen<String> inward = join(DIGIT, LETTER, LETTER);
        return Gens.oneOf(outward.zip(inward, (out, in) -> out + " " + in), Generate.constant("GIR 0AA"));
    }

    /** Canonical postcodes typed carelessly: random case and random spaces, at least one kept in a usable spot. */
    static Gen<String[]> carelessPostcodes() {
        Gen<List<Integer>> spacesBefore = lists().of(integers().between(0, 3)).ofSize(LONGEST_COMPACT + 1);
        Gen<List<Boolean>> lowered = lists().of(booleans().all()).ofSize(LONGEST_COMPACT);
        return canonicalPostcodes().zip(spacesBefore, lowered, (canonical, spaces, lower) -> {
            String compact = canonical.replace(" ", "");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < compact.length(); i++) {
                sb.append(" ".repeat(spaces.get(i)));
                char c = compact.charAt(i);
                sb.append(lower.get(i) ? Character.toLowerCase(c) : c);
            }
            String typed = sb.append(" ".repeat(spaces.get(compact.length()))).toString();
            return new String[] {canonical, typed};
        });
    }

    static Gen<String> nearMisses() {
        return Gens.oneOf(
                Gens.text("ABGIRSWZabz019 \t", 0, 10), carelessPostcodes().map(pair -> pair[1]));
    }

    @Test
    void everyCanonicalPostcodeIsValidAndFitsPrsbLength() {
        qt().withFixedSeed(5_401L)
                .withExamples(1000)
                .forAll(canonicalPostcodes())
                .checkAssert(postcode -> {
                    assertThat(UkPostcode.isValid(postcode)).isTrue();
                    assertThat(postcode.length()).isLessThanOrEqualTo(8);
                });
    }

    @Test
    void carelessInputNormalisesToTheCanonicalForm() {
        qt().withFixedSeed(5_402L)
                .withExamples(1000)
                .forAll(carelessPostcodes())
                .describedAs(pair -> pair[0] + " typed as '" + pair[1] + "'")
                .checkAssert(pair -> {
                    String canonical = pair[0];
                    String typed = pair[1];
                    assertThat(UkPostcode.normalise(typed)).contains(canonical);
                    if (!typed.equals(canonical)) {
                        assertThat(UkPostcode.problem(typed))
                                .hasValueSatisfying(p -> assertThat(p).endsWith("write it as " + canonical));
                    }
                });
    }

    @Test
    void normaliseIsIdempotentAndItsResultIsValid() {
        qt().withFixedSeed(5_403L)
                .withExamples(1000)
                .forAll(Gens.anyText())
                .checkAssert(UkPostcodeProperties::assertNormaliseIsIdempotentAndValid);
    }

    @Test
    void normaliseIsIdempotentAndItsResultIsValidForNearMisses() {
        qt().withFixedSeed(5_404L)
                .withExamples(1000)
                .forAll(nearMisses())
                .checkAssert(UkPostcodeProperties::assertNormaliseIsIdempotentAndValid);
    }

    @Test
    void validPostcodesAreTheirOwnNormalForm() {
        qt().withFixedSeed(5_405L).withExamples(1000).forAll(nearMisses()).checkAssert(value -> {
            if (UkPostcode.isValid(value)) {
                assertThat(UkPostcode.normalise(value)).contains(value);
            }
        });
    }

    @Test
    void neverThrowsAndProblemAgreesWithIsValid() {
        qt().withFixedSeed(5_406L)
                .withExamples(1000)
                .forAll(Gens.anyText())
                .checkAssert(UkPostcodeProperties::assertAgreement);
    }

    @Test
    void neverThrowsForNearMisses() {
        qt().withFixedSeed(5_407L)
                .withExamples(1000)
                .forAll(nearMisses())
                .checkAssert(UkPostcodeProperties::assertAgreement);
    }

    private static void assertNormaliseIsIdempotentAndValid(String value) {
        Optional<String> once = UkPostcode.normalise(value);
        once.ifPresent(normal -> {
            assertThat(UkPostcode.isValid(normal)).isTrue();
            assertThat(UkPostcode.normalise(normal)).contains(normal);
        });
    }

    private static void assertAgreement(String value) {
        Optional<String> problem = UkPostcode.problem(value);
        assertThat(problem.isEmpty()).isEqualTo(UkPostcode.isValid(value));
        problem.ifPresent(Sentences::assertIsOneSentence);
    }

    @SafeVarargs
    private static Gen<String> join(Gen<String>... parts) {
        return Gens.each(List.of(parts)).map(p -> String.join("", p));
    }
}
