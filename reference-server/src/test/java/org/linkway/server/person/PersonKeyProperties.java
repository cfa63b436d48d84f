package org.linkway.server.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.testing.Gens;
import org.linkway.validation.checks.NhsNumber;
import org.quicktheories.core.Gen;

/**
 * The matching rules of {@link PersonKey}, as properties: what normalisation ignores, that equal
 * after normalisation means the same person, that different NHS numbers never match, and that a
 * person is only ever matched within one receiving organisation ({@link #matchesWithin}).
 */
@Timeout(120)
class PersonKeyProperties {

    private static final long SEED = 0x19_0001L;

    /** Invented names: letters, some accented, with the separators people write. */
    private static final Gen<String> NAMES = Gens.text(Gens.range('a', 'z') + "éèëáàâçñöøüÿ", 1, 12);

    private static final Gen<String> NHS = integers().between(0, 999_999).map(n -> {
        String nine = String.format("999%06d", n);
        try {
            return NhsNumber.withCheckDigit(nine);
        } catch (IllegalArgumentException impossible) {
            return NhsNumber.withCheckDigit(String.format("999%06d", (n + 1) % 1_000_000));
        }
    });

    private static final Gen<String> POSTCODES = Gens.pick("NR7 4QX", "NR1 1AA", "IP33 1XB", "PE30 2BX", "CB4 0WS");

    private static final Gen<LocalDate> DATES = localDates()
            .withDaysBetween(
                    LocalDate.of(1920, 1, 1).toEpochDay(),
                    LocalDate.of(2020, 12, 31).toEpochDay());

    /** The name as another system might write it: case, hyphens, spaces, apostrophes, decomposed accents. */
    private static String respelled(String name, int style) {
        String s = switch (style % 5) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> "  " + name + " ";
            case 2 -> name.length() > 1 ? name.charAt(0) + "-" + name.substring(1) : name + "'";
            case 3 -> java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
            default ->
                name.length() > 1 ? name.substring(0, 1).toUpperCase(Locale.ROOT) + " " + name.substring(1) : name;
        };
        return s;
    }

    private static String stripAccents(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
    }

    @Test
    void names_are_equal_ignoring_case_accents_whitespace_and_hyphens() {
        qt().withFixedSeed(SEED)
                .withExamples(500)
                .forAll(NAMES, integers().between(0, 4))
                .check((name, style) -> PersonKey.name(respelled(name, style)).equals(PersonKey.name(name))
                        && PersonKey.name(name)
                                .equals(PersonKey.name(stripAccents(name).toUpperCase(Locale.ROOT))));
    }

    @Test
    void postcodes_are_upper_case_without_spaces() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(POSTCODES, integers().between(0, 3))
                .check((pc, style) -> {
                    String written = switch (style) {
                        case 0 -> pc.toLowerCase(Locale.ROOT);
                        case 1 -> pc.replace(" ", "");
                        case 2 -> " " + pc.replace(" ", "  ") + "\t";
                        default -> pc;
                    };
                    return PersonKey.postcode(written).equals(pc.replace(" ", ""))
                            && PersonKey.postcode(written).equals(PersonKey.postcode(pc));
                });
    }

    @Test
    void dates_are_compared_as_dates() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(DATES)
                .check(d -> d.equals(PersonKey.date(d.toString()))
                        && d.equals(PersonKey.date(d + "T09:30:00Z"))
                        && PersonKey.date(d.toString().substring(0, 7)) == null);
        assertThat(PersonKey.date("2001-02-30")).isNull();
    }

    @Test
    void the_same_details_after_normalisation_are_the_same_person() {
        qt().withFixedSeed(SEED)
                .withExamples(400)
                .forAll(
                        NAMES.zip(NAMES, (f, g) -> new String[] {f, g}),
                        DATES,
                        POSTCODES,
                        integers().between(0, 4))
                .check((names, dob, pc, style) -> {
                    String family = names[0];
                    String given = names[1];
                    PersonKey a = PersonKey.of(null, family, given, dob.toString(), pc);
                    PersonKey b = PersonKey.of(
                            null,
                            respelled(family, style),
                            respelled(given, style + 1),
                            dob + "T00:00:00Z",
                            pc.toLowerCase(Locale.ROOT).replace(" ", ""));
                    return a.sameAs(b) && b.sameAs(a) && a.personHash().equals(b.personHash());
                });
    }

    @Test
    void one_detail_different_is_another_person() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(NAMES, NAMES, DATES, POSTCODES)
                .check((family, given, dob, pc) -> {
                    PersonKey a = PersonKey.of(null, family, given, dob.toString(), pc);
                    return !a.sameAs(PersonKey.of(null, family + "x", given, dob.toString(), pc))
                            && !a.sameAs(PersonKey.of(
                                    null, family, given, dob.plusDays(1).toString(), pc))
                            && !a.sameAs(PersonKey.of(null, family, given, dob.toString(), pc + "Z"));
                });
    }

    @Test
    void different_nhs_numbers_never_match_whatever_the_details() {
        qt().withFixedSeed(SEED)
                .withExamples(400)
                .forAll(NHS.zip(NHS, (x, y) -> new String[] {x, y}), NAMES, DATES, POSTCODES)
                .assuming((pair, name, dob, pc) -> !pair[0].equals(pair[1]))
                .check((pair, name, dob, pc) -> {
                    String n1 = pair[0];
                    String n2 = pair[1];
                    PersonKey a = PersonKey.of(n1, name, name, dob.toString(), pc);
                    PersonKey b = PersonKey.of(n2, name, name, dob.toString(), pc);
                    return !a.sameAs(b) && !b.sameAs(a);
                });
    }

    @Test
    void the_same_nhs_number_matches_whatever_the_details_and_spacing() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(NHS, NAMES, NAMES).check((n, one, other) -> {
            String spaced = n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            return PersonKey.of(n, one, one, null, null).sameAs(PersonKey.of(spaced, other, other, null, null))
                    && PersonKey.of(n, null, null, null, null).nhsHash().equals(PersonKey.nhsHashOf(spaced));
        });
    }

    @Test
    void without_a_valid_nhs_number_the_details_decide() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(NHS, NAMES, DATES, POSTCODES)
                .check((n, name, dob, pc) -> {
                    PersonKey withNumber = PersonKey.of(n, name, name, dob.toString(), pc);
                    PersonKey without = PersonKey.of(null, name.toUpperCase(Locale.ROOT), name, dob.toString(), pc);
                    PersonKey broken = PersonKey.of(
                            n.substring(0, 9) + ((n.charAt(9) - '0' + 1) % 10), name, name, dob.toString(), pc);
                    return withNumber.sameAs(without) && without.sameAs(withNumber) && broken.nhsNumber() == null;
                });
    }

    /** The index's rule: the same person, in the same receiving organisation. */
    static boolean matchesWithin(String orgA, PersonKey a, String orgB, PersonKey b) {
        return orgA.equals(orgB) && a.sameAs(b);
    }

    @Test
    void no_match_across_receiving_organisations() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(NHS, Gens.pick("8EC41", "8AB12", "9ZZ99"), Gens.pick("8EC41", "8AB12", "9ZZ99"))
                .check((n, orgA, orgB) -> {
                    PersonKey key = PersonKey.of(n, "Ashdown", "Maureen", "1948-07-19", "NR7 4QX");
                    return matchesWithin(orgA, key, orgB, key) == orgA.equals(orgB);
                });
    }

    @Test
    void nothing_identifies_a_person_without_a_number_or_all_four_details() {
        assertThat(PersonKey.of(null, "Ashdown", "Maureen", "1948-07-19", null).identifies())
                .isFalse();
        assertThat(PersonKey.of(null, "Ashdown", "", "1948-07-19", "NR7 4QX").identifies())
                .isFalse();
        assertThat(PersonKey.of(null, "Ashdown", "Maureen", "1948", "NR7 4QX").identifies())
                .isFalse();
        assertThat(PersonKey.of(null, "Ashdown", "Maureen", "1948-07-19", "NR7 4QX")
                        .sameAs(PersonKey.of(null, "Ashdown", "Maureen", "1948-07-19", null)))
                .isFalse();
    }
}
