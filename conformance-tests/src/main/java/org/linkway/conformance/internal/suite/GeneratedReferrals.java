package org.linkway.conformance.internal.suite;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.linkway.conformance.internal.Examples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referrals made from the shipped examples with generated names, dates of birth and NHS numbers,
 * and single-edit mutations of them. Everything is drawn from one {@link Random} seeded with the
 * kit's seed, so the same seed sends the same messages and a failing message can be reproduced
 * with {@code --seed}. A small generator of our own: the kit's jar needs no test library.
 */
final class GeneratedReferrals {

    private static final List<String> BASES =
            List.of(Examples.FULL_REFERRAL, Examples.MINIMAL_REFERRAL, Examples.CARER_REFERRAL);
    private static final String NAME_LETTERS = "abcdefghijklmnopqrstuvwxyz\u00e9\u00f6\u00f1";
    private static final String NAME_CHARS = NAME_LETTERS + "'-";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1925, 1, 1);
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final List<String> JUNK_TEXT =
            List.of("", " ", "2026-02-30", "9990000010", "A81001", "not-a-code", "1.0.0");
    private final Random random;

    GeneratedReferrals(long seed) {
        this.random = new Random(seed);
    }

    ObjectNode nextValidCandidate() {
        return referral(random);
    }

    /**
     * One edit of a valid referral: a value replaced with junk, a member removed or added, or the
     * text cut short. Always a change: junk equal to the value it replaces is drawn again.
     */
    String mutate(ObjectNode valid) {
        String original = valid.toString();
        for (int i = 0; i < 20; i++) {
            String edited = edit(valid);
            if (!edited.equals(original)) {
                return edited;
            }
        }
        return original.substring(0, original.length() - 1);
    }

    private String edit(ObjectNode valid) {
        List<String[]> leaves = new ArrayList<>();
        collect(valid, "", leaves);
        int kind = random.nextInt(4);
        if (kind == 3) {
            String text = valid.toString();
            return text.substring(0, 1 + random.nextInt(text.length() - 1));
        }
        String[] target = leaves.get(random.nextInt(leaves.size()));
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = copy.at(target[0]);
        if (parent instanceof ObjectNode o) {
            if (kind == 0) {
                o.set(target[1], junk(random));
            } else if (kind == 1) {
                o.remove(target[1]);
            } else {
                o.set("x" + random.nextInt(1000), junk(random));
            }
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(target[1]), junk(random));
        }
        return copy.toString();
    }

    /** The earliest day any value other than the date of birth names, or {@code latest} if none is earlier. */
    private static LocalDate earliestRecordedDate(JsonNode node, LocalDate latest) {
        LocalDate earliest = latest;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("dateOfBirth")) {
                    LocalDate d = earliestRecordedDate(e.getValue(), earliest);
                    earliest = d.isBefore(earliest) ? d : earliest;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                LocalDate d = earliestRecordedDate(item, earliest);
                earliest = d.isBefore(earliest) ? d : earliest;
            }
        } else if (node.isString() && DAY.matcher(node.asString()).lookingAt()) {
            try {
                LocalDate d = LocalDate.parse(node.asString().substring(0, 10));
                earliest = d.isBefore(earliest) ? d : earliest;
            } catch (DateTimeParseException notADate) {
                // text that only starts like a date
            }
        }
        return earliest;
    }

    private static void collect(JsonNode node, String pointer, List<String[]> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(new String[] {pointer, e.getKey()});
                collect(
                        e.getValue(),
                        pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                        out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new String[] {pointer, String.valueOf(i)});
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** One of the examples with one to three first names, a family name, a date of birth and (if it has one) an NHS number. */
    static ObjectNode referral(Random random) {
        String base = BASES.get(random.nextInt(BASES.size()));
        List<String> firsts = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            firsts.add(name(random));
        }
        String family = name(random);
        ObjectNode r = Examples.toSend(base);
        // born before anything the example records about the person (a referral, an onset, ...)
        LocalDate latestBirth =
                earliestRecordedDate(r, LocalDate.of(2025, 12, 31)).minusDays(1);
        LocalDate dob =
                EARLIEST_BIRTH.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, latestBirth) + 1));
        String nhs = nhsNumber(random);
        ObjectNode person = (ObjectNode) r.path("personDemographics");
        ObjectNode personName = (ObjectNode) person.path("name");
        personName.set(
                "firstNames",
                JsonNodeFactory.instance
                        .arrayNode()
                        .addAll(firsts.stream()
                                .map(JsonNodeFactory.instance::stringNode)
                                .toList()));
        personName.set("familyNames", JsonNodeFactory.instance.arrayNode().add(family));
        personName.remove(List.of("fullName", "preferredName"));
        person.put("dateOfBirth", dob.toString());
        if (person.has("nhsNumber")) {
            person.put("nhsNumber", nhs);
        }
        return r;
    }

    /** 1 to 20 characters, starting with a capital letter, then letters, apostrophes and hyphens. */
    static String name(Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append(Character.toUpperCase(NAME_LETTERS.charAt(random.nextInt(NAME_LETTERS.length()))));
        for (int i = random.nextInt(20); i > 0; i--) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }

    /** Valid-format NHS numbers in the 999 range reserved for tests (mod-11 check digit); impossible prefixes are skipped. */
    static String nhsNumber(Random random) {
        while (true) {
            String number = withCheckDigit("999" + String.format("%06d", random.nextInt(1_000_000)));
            if (number != null) {
                return number;
            }
        }
    }

    static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? null : nine + check;
    }

    /** A JSON value of any kind, including the edge cases the schemas care about. */
    static JsonNode junk(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(7)) {
            case 0 -> f.stringNode(anyText(random, 60));
            case 1 -> f.stringNode(JUNK_TEXT.get(random.nextInt(JUNK_TEXT.size())));
            case 2 -> f.numberNode(random.nextInt(11) - 5);
            case 3 -> f.booleanNode(random.nextBoolean());
            case 4 -> f.nullNode();
            case 5 -> f.objectNode();
            default -> f.arrayNode();
        };
    }

    /** Up to {@code max} characters: printable ASCII most of the time, otherwise any character outside the surrogates. */
    static String anyText(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            if (random.nextInt(4) > 0) {
                sb.append((char) (' ' + random.nextInt(95)));
            } else {
                int c = random.nextInt(0xFFFE);
                sb.append((char) (Character.isSurrogate((char) c) ? 'x' : c));
            }
        }
        return sb.toString();
    }
}
