package org.linkway.server.person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.linkway.validation.checks.NhsNumber;
import tools.jackson.databind.JsonNode;

/**
 * Who a referral is about, in the normalised form two referrals are compared by. The rule, in one
 * place ({@link #sameAs}):
 *
 * <ul>
 *   <li>when both carry an NHS number, they are the same person exactly when the numbers are equal
 *       (different NHS numbers never match, whatever the names say);</li>
 *   <li>otherwise, when both carry a family name, a given name, a date of birth and a postcode,
 *       they are the same person when all four are equal after normalisation;</li>
 *   <li>otherwise they do not match.</li>
 * </ul>
 *
 * Normalisation: a name is decomposed (Unicode NFKD), its combining marks dropped (accents), case
 * folded (upper then lower case, root locale, so {@code ß} is {@code ss}), and every character that
 * is not a letter or a digit removed (spaces, hyphens, apostrophes, full stops); the family name is
 * all family names joined, the given name the first of the first names. A postcode is upper case
 * without whitespace. A date of birth counts only as a whole calendar date ({@code yyyy-MM-dd}, a
 * date-time's date part), compared as a date. An NHS number counts only when its check digit is
 * right, spaces and hyphens ignored.
 *
 * @param nhsNumber the ten digits, or null
 * @param person    {@code family|given|date|postcode}, or null when any part is missing
 */
public record PersonKey(String nhsNumber, String person) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T.*)?");

    /** The key of a referral document (its {@code personDemographics}). */
    public static PersonKey of(JsonNode referral) {
        JsonNode p = referral.path("personDemographics");
        List<String> families = new ArrayList<>();
        p.path("name").path("familyNames").forEach(n -> families.add(n.asString("")));
        JsonNode firstNames = p.path("name").path("firstNames");
        String given = firstNames.isArray() && !firstNames.isEmpty()
                ? firstNames.get(0).asString("")
                : "";
        return of(
                p.path("nhsNumber").asString(null),
                String.join(" ", families),
                given,
                p.path("dateOfBirth").asString(null),
                p.path("address").path("postcode").asString(null));
    }

    /** The key of these details; any may be null. */
    public static PersonKey of(String nhsNumber, String family, String given, String dateOfBirth, String postcode) {
        String nhs = nhsNumber(nhsNumber);
        String f = name(family);
        String g = name(given);
        LocalDate dob = date(dateOfBirth);
        String pc = postcode(postcode);
        String person =
                f.isEmpty() || g.isEmpty() || dob == null || pc.isEmpty() ? null : f + "|" + g + "|" + dob + "|" + pc;
        return new PersonKey(nhs, person);
    }

    /** The one matching rule; see the class comment. */
    public boolean sameAs(PersonKey other) {
        if (nhsNumber != null && other.nhsNumber != null) {
            return nhsNumber.equals(other.nhsNumber);
        }
        return person != null && Objects.equals(person, other.person);
    }

    /** Whether anything identifies the person at all. */
    public boolean identifies() {
        return nhsNumber != null || person != null;
    }

    /** The stored form of the NHS number key, or null. */
    public String nhsHash() {
        return nhsNumber == null ? null : hash("nhs:" + nhsNumber);
    }

    /** The stored form of the name, date of birth and postcode key, or null. */
    public String personHash() {
        return person == null ? null : hash("person:" + person);
    }

    /** The stored form of an NHS number a search names, or null when it is not a valid NHS number. */
    public static String nhsHashOf(String nhsNumber) {
        String n = nhsNumber(nhsNumber);
        return n == null ? null : hash("nhs:" + n);
    }

    static String name(String name) {
        if (name == null) {
            return "";
        }
        String decomposed =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String folded = decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    }

    static String postcode(String postcode) {
        return postcode == null
                ? ""
                : WHITESPACE.matcher(postcode).replaceAll("").toUpperCase(Locale.ROOT);
    }

    static LocalDate date(String date) {
        if (date == null) {
            return null;
        }
        var m = DATE.matcher(date.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String nhsNumber(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[\\s-]", "");
        return NhsNumber.isValid(digits) ? digits : null;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
