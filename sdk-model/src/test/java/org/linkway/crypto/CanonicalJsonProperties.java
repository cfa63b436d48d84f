package org.linkway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.linkway.model.json.LinkwayJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The canonical form depends only on the JSON value, never on how the text was laid out. */
class CanonicalJsonProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Property(tries = 300)
    void sameValueAnyLayoutSameBytes(@ForAll("values") JsonNode value, @ForAll long seed) {
        String plain = LinkwayJson.mapper().writeValueAsString(value);
        String shuffled = write(value, new Random(seed));
        CanonicalJson.Result a = CanonicalJson.canonicalize(plain);
        CanonicalJson.Result b = CanonicalJson.canonicalize(shuffled);
        assertThat(a.findings()).isEmpty();
        assertThat(b.text()).isEqualTo(a.text());
    }

    @Property(tries = 300)
    void theCanonicalFormIsAFixedPointAndParsesToTheSameValue(@ForAll("values") JsonNode value) {
        String canonical = CanonicalJson.canonicalize(value).text();
        assertThat(CanonicalJson.canonicalize(canonical).text()).isEqualTo(canonical);
        JsonNode back = LinkwayJson.mapper().readTree(canonical);
        assertThat(CanonicalJson.canonicalize(back).text()).isEqualTo(canonical);
    }

    @Property(tries = 1000)
    void anyDoubleReadsBackExactly(@ForAll double d) {
        String text = EcmaNumber.format(d);
        assertThat(Double.parseDouble(text)).isEqualTo(d == 0 ? 0.0 : d);
        // never more digits than the Java runtime's own (not always shortest) form needs
        String digits = text.replaceFirst("e.*", "").replaceAll("[^0-9]", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        assertThat(digits.length()).isLessThanOrEqualTo(17);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(this::leaf, inner -> Arbitraries.oneOf(array(inner), object(inner)), 0, 3);
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) F.stringNode(s.replaceAll("[\\ud800-\\udfff]", "x"))),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.doubles().between(-1e30, 1e30).map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just((JsonNode) F.nullNode()));
    }

    private Arbitrary<JsonNode> array(Arbitrary<JsonNode> values) {
        return values.list().ofMaxSize(4).map(items -> {
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return a;
        });
    }

    private Arbitrary<JsonNode> object(Arbitrary<JsonNode> values) {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3), values).ofMaxSize(4)
                .map(members -> {
                    ObjectNode o = F.objectNode();
                    members.forEach(o::set);
                    return o;
                });
    }

    /** The same value with members in a random order, random whitespace and escaped characters. */
    private static String write(JsonNode node, Random random) {
        String ws = List.of("", " ", "\n  ", "\t").get(random.nextInt(4));
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.shuffle(names, random);
            List<String> parts = new ArrayList<>();
            for (String n : names) {
                parts.add(ws + string(n, random) + ws + ":" + ws + write(node.get(n), random));
            }
            return "{" + String.join(",", parts) + ws + "}";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(item -> parts.add(ws + write(item, random)));
            return "[" + String.join(",", parts) + ws + "]";
        }
        if (node.isString()) {
            return string(node.asString(), random);
        }
        if (node.isDouble() && random.nextBoolean()) {
            return Double.toString(node.doubleValue()).replace("E", "e"); // a different spelling of the same number
        }
        return node.toString();
    }

    private static String string(String s, Random random) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || random.nextInt(4) == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
