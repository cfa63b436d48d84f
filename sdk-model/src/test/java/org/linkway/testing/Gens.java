package org.linkway.testing;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators the property tests share, on top of QuickTheories' own (SourceDSL, Generate).
 * Everything here is built from QuickTheories generators (lists, picks, ranges), so a failing
 * example still shrinks towards short strings, small numbers and the first choices.
 *
 * <p>How to reproduce or vary a property: every property runs with
 * {@code qt().withFixedSeed(SEED).withExamples(n)}; the failure message ends with "Seed was ...",
 * which is the constant in the test. To explore other inputs, change the seed constant locally.
 */
public final class Gens {

    private Gens() {}

    /** The characters from {@code first} to {@code last}, as text to pass to {@link #text}. */
    public static String range(char first, char last) {
        StringBuilder sb = new StringBuilder();
        for (char c = first; c <= last; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    /** Strings of {@code min} to {@code max} characters, each one of {@code alphabet}. */
    public static Gen<String> text(String alphabet, int min, int max) {
        List<Character> chars =
                alphabet.chars().distinct().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars))
                .ofSizeBetween(min, max)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Digits only, {@code min} to {@code max} of them (leading zeros included). */
    public static Gen<String> digits(int min, int max) {
        return text("0123456789", min, max);
    }

    /**
     * Any text up to {@code max} characters: printable ASCII, any character of the Basic
     * Multilingual Plane, or any code point, each a third of the time. Unpaired surrogates are
     * left out (they are not text, and UTF-8 cannot carry them).
     */
    public static Gen<String> anyText(int max) {
        Gen<Integer> ascii = Generate.range(0x20, 0x7E);
        Gen<Integer> bmp = Generate.range(0, 0xFFFF).map(c -> Character.isSurrogate((char) c.intValue()) ? 0xFFFD : c);
        Gen<Integer> any =
                Generate.range(0, Character.MAX_CODE_POINT).map(c -> c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
        return oneOf(codePoints(ascii, max), codePoints(bmp, max), codePoints(any, max));
    }

    private static Gen<String> codePoints(Gen<Integer> codePoint, int max) {
        return lists().of(codePoint).ofSizeBetween(0, max).map(cps -> {
            StringBuilder sb = new StringBuilder();
            for (int cp : cps) {
                if (sb.length() + Character.charCount(cp) > max) {
                    break;
                }
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        });
    }

    /** Any text up to 255 characters, the length the properties used for "any string" before. */
    public static Gen<String> anyText() {
        return anyText(255);
    }

    /** {@code null} about {@code percent} of the time, otherwise a value of {@code gen}. */
    public static <T> Gen<T> orNull(Gen<T> gen, int percent) {
        return gen.toOptionals(percent).map(o -> o.orElse(null));
    }

    /** One of the listed values. */
    @SafeVarargs
    public static <T> Gen<T> pick(T... values) {
        return Generate.pick(Arrays.asList(values));
    }

    /** A value of one of the generators, each chosen equally often. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Pair<Integer, Gen<T>>> weighted = new ArrayList<>();
        for (Gen<? extends T> g : gens) {
            weighted.add(Pair.of(1, widen(g)));
        }
        return Generate.frequency(weighted);
    }

    /** A generator's values seen as a supertype. */
    public static <T> Gen<T> widen(Gen<? extends T> gen) {
        return gen.map(x -> (T) x);
    }

    /** One value of each generator, in order. */
    public static <T> Gen<List<T>> each(List<? extends Gen<? extends T>> gens) {
        return in -> {
            List<T> out = new ArrayList<>(gens.size());
            for (Gen<? extends T> g : gens) {
                out.add(g.generate(in));
            }
            return out;
        };
    }

    /**
     * E-mail addresses of the form the validator accepts: a local part of letters, digits and
     * {@code . _ % + -} (no dot at either end, none doubled), one {@code @}, and one to three
     * domain labels before a top-level domain of letters.
     */
    public static Gen<String> emailAddresses() {
        String letters = range('a', 'z') + range('A', 'Z');
        Gen<String> word = text(letters + range('0', '9'), 1, 12);
        Gen<String> local = lists().of(word)
                .ofSizeBetween(1, 3)
                .zip(pick(".", "_", "+", "-", "%"), (words, sep) -> String.join(sep, words));
        Gen<String> label = text(letters + range('0', '9'), 1, 10).zip(pick("", "-x", "-nhs"), (w, tail) -> w + tail);
        Gen<String> domain = lists().of(label)
                .ofSizeBetween(1, 3)
                .zip(text(range('a', 'z'), 2, 6), (labels, top) -> String.join(".", labels) + "." + top);
        return local.zip(domain, (l, d) -> l + "@" + d);
    }

    /**
     * Telephone numbers in the forms people write them: UK numbers from 0 with 10 or 11 digits,
     * grouped with spaces, hyphens or the area code in brackets; UK numbers as {@code +44} (with or
     * without {@code (0)}) or {@code 0044}; and other countries' from {@code +} or {@code 00} with
     * 7 to 15 digits.
     */
    public static Gen<String> telephoneNumbers() {
        Gen<String> uk = text(range('1', '9'), 1, 1)
                .zip(
                        digits(8, 9),
                        integers().between(0, 3),
                        (first, rest, style) -> ukNumber("0" + first + rest, style));
        Gen<String> ukAbroad = text(range('1', '9'), 1, 1)
                .zip(
                        digits(8, 9),
                        pick("+44 ", "+44 (0)", "0044 ", "+44"),
                        (first, rest, prefix) -> prefix + first + rest.substring(0, 3) + " " + rest.substring(3));
        Gen<String> abroad = text(range('1', '9'), 1, 1)
                .zip(digits(6, 14), pick("+", "00", "+ "), (first, rest, prefix) -> {
                    String all = first + rest;
                    // not a UK number: those have their own digit count
                    String number = all.startsWith("44") ? "3" + all.substring(1) : all;
                    return prefix + number.substring(0, Math.min(3, number.length())) + " "
                            + number.substring(Math.min(3, number.length()));
                });
        return oneOf(uk, ukAbroad, abroad);
    }

    private static String ukNumber(String digits, int style) {
        String area = digits.substring(0, 5);
        String local = digits.substring(5);
        switch (style) {
            case 0:
                return digits;
            case 1:
                return area + " " + local;
            case 2:
                return "(" + area + ") " + local;
            default:
                return area + "-" + local;
        }
    }

    /** Any finite double (a NaN or infinity drawn becomes 0, rather than being drawn again). */
    public static Gen<Double> finiteDoubles() {
        return doubles().any().map(d -> Double.isFinite(d) ? d : 0.0);
    }

    /** Byte arrays of {@code min} to {@code max} bytes, any values. */
    public static Gen<byte[]> bytes(int min, int max) {
        return Generate.byteArrays(Generate.range(min, max), anyByte());
    }

    /** Any byte, shrinking towards zero. */
    public static Gen<Byte> anyByte() {
        return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    }
}
