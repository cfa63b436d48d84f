package org.linkway.conformance.internal.suite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.linkway.conformance.internal.Examples;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referrals made by jqwik arbitraries from the shipped examples, and single-edit mutations of
 * them. Drawn from a seeded {@link Random}, so the same seed sends the same messages and a
 * failing message can be reproduced with {@code --seed}.
 */
final class GeneratedReferrals {

    private static final List<String> BASES = List.of(Examples.FULL_REFERRAL, Examples.MINIMAL_REFERRAL, Examples.CARER_REFERRAL);
    private final Random random;
    private final RandomGenerator<ObjectNode> referrals;
    private final RandomGenerator<JsonNode> junk;

    GeneratedReferrals(long seed) {
        this.random = new Random(seed);
        this.referrals = referral().generator(100);
        this.junk = junk().generator(100);
    }

    ObjectNode nextValidCandidate() {
        return referrals.next(random).value();
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
                o.set(target[1], junk.next(random).value());
            } else if (kind == 1) {
                o.remove(target[1]);
            } else {
                o.set("x" + random.nextInt(1000), junk.next(random).value());
            }
        } else if (parent instanceof tools.jackson.databind.node.ArrayNode a) {
            a.set(Integer.parseInt(target[1]), junk.next(random).value());
        }
        return copy.toString();
    }

    private static void collect(JsonNode node, String pointer, List<String[]> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(new String[] {pointer, e.getKey()});
                collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new String[] {pointer, String.valueOf(i)});
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    static Arbitrary<ObjectNode> referral() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars("éöñ'-").ofMinLength(1).ofMaxLength(20)
                .filter(s -> Character.isLetter(s.charAt(0)))
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
        Arbitrary<LocalDate> born = Arbitraries.longs().between(0, 365L * 100).map(d -> LocalDate.of(1925, 1, 1).plusDays(d));
        return Combinators.combine(Arbitraries.of(BASES), name.list().ofMinSize(1).ofMaxSize(3), name, born, nhsNumber())
                .as((base, firsts, family, dob, nhs) -> {
                    ObjectNode r = Examples.toSend(base);
                    ObjectNode person = (ObjectNode) r.path("personDemographics");
                    ObjectNode personName = (ObjectNode) person.path("name");
                    personName.set("firstNames", JsonNodeFactory.instance.arrayNode().addAll(
                            firsts.stream().map(JsonNodeFactory.instance::stringNode).toList()));
                    personName.set("familyNames", JsonNodeFactory.instance.arrayNode().add(family));
                    personName.remove(List.of("fullName", "preferredName"));
                    person.put("dateOfBirth", dob.toString());
                    if (person.has("nhsNumber")) {
                        person.put("nhsNumber", nhs);
                    }
                    return r;
                });
    }

    /** Valid-format NHS numbers in the 999 range reserved for tests (mod-11 check digit). */
    static Arbitrary<String> nhsNumber() {
        return Arbitraries.integers().between(0, 999_999).map(n -> "999" + String.format("%06d", n))
                .map(GeneratedReferrals::withCheckDigit).filter(s -> s != null);
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

    static Arbitrary<JsonNode> junk() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(f::stringNode),
                Arbitraries.of("", " ", "2026-02-30", "9990000010", "A81001", "not-a-code", "1.0.0").map(f::stringNode),
                Arbitraries.integers().between(-5, 5).map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                Arbitraries.just(f.objectNode()),
                Arbitraries.just(f.arrayNode()));
    }
}
