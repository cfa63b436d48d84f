package org.linkway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The canonical form depends only on the JSON value, never on how the text was laid out. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CanonicalJsonProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void sameValueAnyLayoutSameBytes() {
        qt().withFixedSeed(4_701L)
                .withExamples(300)
                .forAll(values(), longs().all())
                .checkAssert(CanonicalJsonProperties::sameBytes);
    }

    @Test
    void theCanonicalFormIsAFixedPointAndParsesToTheSameValue() {
        qt().withFixedSeed(4_702L)
                .withExamples(300)
                .forAll(values())
                .checkAssert(CanonicalJsonProperties::isAFixedPoint);
    }

    @Test
    void anyDoubleReadsBackExactly() {
        qt().withFixedSeed(4_703L)
                .withExamples(1000)
                .forAll(Gens.oneOf(Gens.finiteDoubles(), doubles().between(-1e6, 1e6)))
                .checkAssert(CanonicalJsonProperties::readsBackExactly);
    }

    private static void sameBytes(JsonNode value, long seed) {
        String plain = LinkwayJson.mapper().writeValueAsString(value);
        String shuffled = write(value, new Random(seed));
        CanonicalJson.Result a = CanonicalJson.canonicalize(plain);
        CanonicalJson.Result b = CanonicalJson.canonicalize(shuffled);
        assertThat(a.findings()).isEmpty();
        assertThat(b.text()).isEqualTo(a.text());
    }

    private static void isAFixedPoint(JsonNode value) {
        String canonical = CanonicalJson.canonicalize(value).text();
        assertThat(CanonicalJson.canonicalize(canonical).text()).isEqualTo(canonical);
        JsonNode back = LinkwayJson.mapper().readTree(canonical);
        assertThat(CanonicalJson.canonicalize(back).text()).isEqualTo(canonical);
    }

    private static void readsBackExactly(double d) {
        String text = EcmaNumber.format(d);
        assertThat(Double.parseDouble(text)).isEqualTo(d == 0 ? 0.0 : d);
        // never more digits than the Java runtime's own (not always shortest) form needs
        String digits = text.replaceFirst("e.*", "")
                .replaceAll("[^0-9]", "")
                .replaceFirst("^0+", "")
                .replaceFirst("0+$", "");
        assertThat(digits.length()).isLessThanOrEqualTo(17);
    }

    /** JSON values nested up to three levels: a leaf, or arrays and objects of values one level shallower. */
    static Gen<JsonNode> values() {
        return integers().between(0, 3).flatMap(CanonicalJsonProperties::nested);
    }

    private static Gen<JsonNode> nested(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Gen<JsonNode> inner = nested(depth - 1);
        return Gens.oneOf(array(inner), object(inner));
    }

    private static Gen<JsonNode> leaf() {
        return Gens.<JsonNode>oneOf(
                Gens.anyText(12).map(s -> F.stringNode(s.replaceAll("[\\ud800-\\udfff]", "x"))),
                integers().all().map(F::numberNode),
                doubles().between(-1e30, 1e30).map(F::numberNode),
                Generate.booleans().map(F::booleanNode),
                Generate.constant(F::nullNode));
    }

    private static Gen<JsonNode> array(Gen<JsonNode> values) {
        return lists().of(values).ofSizeBetween(0, 4).map(items -> {
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return a;
        });
    }

    private static Gen<JsonNode> object(Gen<JsonNode> values) {
        return maps().of(Gens.text("abcdef", 1, 3), values).ofSizeBetween(0, 4).map(members -> {
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
