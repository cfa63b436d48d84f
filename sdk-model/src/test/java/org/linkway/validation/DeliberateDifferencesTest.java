package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validator against the deliberate differences stated in the schemas module
 * ({@code prsb/deliberate-differences.tsv}, rendered into PRSB-COVERAGE.md): every member of every
 * valid example is removed in turn, and a rule that then refuses the message, other than the
 * schemas' own {@code required} and cardinality, must be a stated {@code mandatory-by-rule}
 * difference; each stated rule must really refuse a message without its element.
 */
class DeliberateDifferencesTest {

    private static final Path VALID = Path.of("../schemas/examples/valid");

    /**
     * Rules that may refuse a message with a member removed without making a PRSB element
     * mandatory: the schemas' required members and cardinality (the schemas module checks those
     * against PRSB's M flags and minimums); risks, which PRSB itself makes mandatory; a coded
     * element left with neither its code nor its text (the element is present but says nothing);
     * and the envelope Linkway adds (resourceType, schemaVersion).
     */
    private static final Set<String> NOT_A_DIFFERENCE = Set.of(
            Rule.REQUIRED.id(),
            Rule.CARDINALITY.id(),
            Rule.RISKS_RECORDED.id(),
            Rule.CODED_TEXT_EMPTY.id(),
            Rule.MESSAGE_TYPE.id(),
            Rule.SCHEMA_VERSION.id(),
            // the hospital stay is a Linkway extension record: what its rule requires differs from no PRSB element
            Rule.HOSPITAL_DISCHARGE.id());

    private static final MessageValidator validator = MessageValidator.create();
    private static Map<String, List<String>> refusals;

    /** Rule id to the removals (file and pointer) it refused, over every member of every valid example. */
    @BeforeAll
    static void removeEveryMemberInTurn() throws IOException {
        refusals = new TreeMap<>();
        try (Stream<Path> files = Files.list(VALID)) {
            for (Path f : files.sorted().toList()) {
                JsonNode doc = LinkwayJson.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
                for (String pointer : members(doc, "")) {
                    JsonNode copy = doc.deepCopy();
                    int cut = pointer.lastIndexOf('/');
                    ((ObjectNode) copy.at(pointer.substring(0, cut))).remove(unescape(pointer.substring(cut + 1)));
                    for (Finding e : validator
                            .validate(LinkwayJson.mapper().writeValueAsBytes(copy))
                            .errors()) {
                        refusals.computeIfAbsent(e.ruleId(), k -> new ArrayList<>())
                                .add(f.getFileName() + " without " + pointer);
                    }
                }
            }
        }
    }

    private static List<String> members(JsonNode n, String at) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                out.addAll(members(e.getValue(), p));
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.addAll(members(n.get(i), at + "/" + i));
            }
        }
        return out;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The rule ids of the mandatory-by-rule rows of the schemas module's deliberate differences. */
    private static Set<String> statedRules() throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = DeliberateDifferencesTest.class.getResourceAsStream(
                "/org/linkway/schemas/prsb/deliberate-differences.tsv")) {
            assertThat(in).as("deliberate-differences.tsv on the classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[0].strip().equals("mandatory-by-rule")) {
                    out.add(f[2].strip());
                }
            }
        }
        return out;
    }

    @Test
    void every_rule_that_refuses_a_message_for_a_missing_member_is_a_stated_difference() throws IOException {
        Set<String> stated = statedRules();
        Map<String, List<String>> unstated = new TreeMap<>();
        refusals.forEach((rule, where) -> {
            if (!NOT_A_DIFFERENCE.contains(rule) && !stated.contains(rule)) {
                unstated.put(rule, where.subList(0, Math.min(3, where.size())));
            }
        });
        assertThat(unstated)
                .as("rules that make an element mandatory with no mandatory-by-rule row in "
                        + "schemas/prsb/deliberate-differences.tsv (rule -> examples of removals it refused)")
                .isEmpty();
    }

    @Test
    void every_stated_rule_refuses_a_message_without_its_element() throws IOException {
        assertThat(statedRules()).isNotEmpty();
        for (String rule : statedRules()) {
            assertThat(refusals).as("a removal refused by %s", rule).containsKey(rule);
        }
    }
}
