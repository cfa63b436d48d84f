package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UkPostcodeProperties {

    private static final Arbitrary<String> LETTER = Arbitraries.chars().range('A', 'Z').map(String::valueOf);
    private static final Arbitrary<String> DIGIT = Arbitraries.chars().range('0', '9').map(String::valueOf);

    /** Canonical postcodes built shape by shape, independently of the pattern under test. */
    @Provide
    Arbitrary<String> canonicalPostcodes() {
        Arbitrary<String> outward = Arbitraries.oneOf(
                join(LETTER, DIGIT),
                join(LETTER, DIGIT, DIGIT),
                join(LETTER, LETTER, DIGIT),
                join(LETTER, LETTER, DIGIT, DIGIT),
                join(LETTER, DIGIT, LETTER),
                join(LETTER, LETTER, DIGIT, LETTER));
        Arbitrary<String> inward = join(DIGIT, LETTER, LETTER);
        return Arbitraries.oneOf(
                Combinators.combine(outward, inward).as((out, in) -> out + " " + in),
                Arbitraries.just("GIR 0AA"));
    }

    /** Canonical postcodes typed carelessly: random case and random spaces, at least one kept in a usable spot. */
    @Provide
    Arbitrary<String[]> carelessPostcodes() {
        return canonicalPostcodes().flatMap(canonical -> {
            String compact = canonical.replace(" ", "");
            Arbitrary<String> typed = Arbitraries.integers().between(0, 3).list().ofSize(compact.length() + 1)
                    .flatMap(spaces -> Arbitraries.of(true, false).list().ofSize(compact.length()).map(lower -> {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < compact.length(); i++) {
                            sb.append(" ".repeat(spaces.get(i)));
                            char c = compact.charAt(i);
                            sb.append(lower.get(i) ? Character.toLowerCase(c) : c);
                        }
                        return sb.append(" ".repeat(spaces.get(compact.length()))).toString();
                    }));
            return typed.map(t -> new String[] {canonical, t});
        });
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABGIRSWZabz019 \t").ofMaxLength(10),
                carelessPostcodes().map(pair -> pair[1]));
    }

    @Property
    void everyCanonicalPostcodeIsValidAndFitsPrsbLength(@ForAll("canonicalPostcodes") String postcode) {
        assertThat(UkPostcode.isValid(postcode)).isTrue();
        assertThat(postcode.length()).isLessThanOrEqualTo(8);
    }

    @Property
    void carelessInputNormalisesToTheCanonicalForm(@ForAll("carelessPostcodes") String[] pair) {
        String canonical = pair[0];
        String typed = pair[1];
        assertThat(UkPostcode.normalise(typed)).contains(canonical);
        if (!typed.equals(canonical)) {
            assertThat(UkPostcode.problem(typed)).hasValueSatisfying(p -> assertThat(p).endsWith("write it as " + canonical));
        }
    }

    @Property
    void normaliseIsIdempotentAndItsResultIsValid(@ForAll String anything) {
        assertNormaliseIsIdempotentAndValid(anything);
    }

    @Property
    void normaliseIsIdempotentAndItsResultIsValidForNearMisses(@ForAll("nearMisses") String nearMiss) {
        assertNormaliseIsIdempotentAndValid(nearMiss);
    }

    @Property
    void validPostcodesAreTheirOwnNormalForm(@ForAll("nearMisses") String value) {
        if (UkPostcode.isValid(value)) {
            assertThat(UkPostcode.normalise(value)).contains(value);
        }
    }

    @Property
    void neverThrowsAndProblemAgreesWithIsValid(@ForAll String anything) {
        assertAgreement(anything);
    }

    @Property
    void neverThrowsForNearMisses(@ForAll("nearMisses") String nearMiss) {
        assertAgreement(nearMiss);
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
    private static Arbitrary<String> join(Arbitrary<String>... parts) {
        Arbitrary<String> joined = Arbitraries.just("");
        for (Arbitrary<String> part : parts) {
            joined = Combinators.combine(joined, part).as(String::concat);
        }
        return joined;
    }
}
