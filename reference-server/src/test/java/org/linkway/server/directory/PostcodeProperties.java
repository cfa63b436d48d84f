package org.linkway.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** Postcode spelling: case and spaces never change which postcode it is, and the one spelling is stable. */
@Timeout(60)
class PostcodeProperties {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Outward codes of every UK shape: A9, A99, AA9, AA99, A9A, AA9A. */
    static Gen<String> outward() {
        Gen<Character> letter = integers().between(0, 25).map(i -> LETTERS.charAt(i));
        Gen<Character> digit = integers().between(0, 9).map(i -> (char) ('0' + i));
        return integers().between(0, 5).zip(letter, letter, digit, (shape, a, b, d) -> switch (shape) {
            case 0 -> "" + a + d;
            case 1 -> "" + a + d + (char) ('0' + (d + 3) % 10);
            case 2 -> "" + a + b + d;
            case 3 -> "" + a + b + d + (char) ('0' + (d + 7) % 10);
            case 4 -> "" + a + d + b;
            default -> "" + a + b + d + a;
        });
    }

    static Gen<String> inward() {
        Gen<Character> letter = integers().between(0, 25).map(i -> LETTERS.charAt(i));
        return integers().between(0, 9).zip(letter, letter, (d, a, b) -> "" + d + a + b);
    }

    /** The text with its case changed and spaces put in by the bits given. */
    static String mangle(String text, List<Integer> bits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int bit = bits.get(i % bits.size());
            char c = text.charAt(i);
            out.append((bit & 1) == 1 ? Character.toLowerCase(c) : c);
            if ((bit & 2) == 2) {
                out.append(' ');
            }
            if ((bit & 4) == 4) {
                out.append('\t');
            }
        }
        return ((bits.get(0) & 8) == 8 ? "  " : "") + out;
    }

    @Test
    void caseAndSpacesDoNotChangeAPostcode() {
        qt().withFixedSeed(23L)
                .withExamples(2000)
                .forAll(
                        outward(),
                        inward(),
                        lists().of(integers().between(0, 15)).ofSizeBetween(1, 8))
                .checkAssert((out, in, bits) -> {
                    Optional<Postcode> parsed = Postcode.parse(mangle(out + in, bits));
                    assertThat(parsed).hasValue(new Postcode(out, in));
                    assertThat(parsed.get().toString()).isEqualTo(out + " " + in);
                    assertThat(Postcode.parse(parsed.get().toString())).isEqualTo(parsed);
                    assertThat(Postcode.parse(mangle(out, bits))).hasValue(new Postcode(out, null));
                });
    }

    @Test
    void whatIsNotAPostcodeIsRefused() {
        qt().withFixedSeed(24L).withExamples(500).forAll(outward(), inward()).checkAssert((out, in) -> {
            assertThat(Postcode.parse(in)).isEmpty(); // an inward code alone
            assertThat(Postcode.parse(out + in + "X")).isEmpty();
            assertThat(Postcode.parse("9" + out + in)).isEmpty();
            assertThat(Postcode.parse(out + in.toLowerCase(Locale.ROOT).replace(in.charAt(0), 'x')))
                    .isEmpty();
        });
        assertThat(Postcode.parse(null)).isEmpty();
        assertThat(Postcode.parse("   ")).isEmpty();
    }

    @Test
    void theCentroidFileLooksUpWholePostcodesThenOutwardCodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.csv");
        Files.writeString(file, "postcode,latitude,longitude\nzz1,53.8,-1.55\nZZ1 6lm,53.81,-1.56\n");
        CentroidGeocoder geocoder = CentroidGeocoder.read(file);
        assertThat(geocoder.size()).isEqualTo(2);
        assertThat(geocoder.locate(Postcode.parse("zz16lm").orElseThrow())).hasValue(new Point(53.81, -1.56));
        assertThat(geocoder.locate(Postcode.parse("ZZ1 9XY").orElseThrow())).hasValue(new Point(53.8, -1.55));
        assertThat(geocoder.locate(Postcode.parse("ZZ2").orElseThrow())).isEmpty();
        Files.writeString(file, "ZZ1,north,-1.5\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CentroidGeocoder.read(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1");
    }
}
