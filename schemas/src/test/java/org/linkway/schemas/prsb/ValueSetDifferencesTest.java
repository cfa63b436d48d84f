package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The value-set part of the deliberate differences reads the code lists' element bindings when
 * the module has them: an element whose list is shipped is enforced and leaves the list of
 * differences; one that needs a terminology server stays, saying so.
 */
class ValueSetDifferencesTest {

    private static final String GENDER = "Person demographics / Gender";
    private static final String RELIGION = "Person demographics / Religion";

    private static String render(Map<String, JsonNode> bindings) {
        CoverageReport report = CoverageReport.of(PrsbStandard.v1_1(), SchemaSource.module(Path.of("."), Map.of()));
        StringBuilder md = new StringBuilder();
        new ValueSetDifferences(report, StatedDifferences.none(), bindings).render(md);
        return md.toString();
    }

    @Test
    void without_bindings_a_code_list_checked_for_length_only_is_a_difference() {
        assertThat(render(Map.of())).contains("| `" + GENDER + "` |");
    }

    @Test
    void bindings_feed_the_section() {
        Map<String, JsonNode> bindings = Map.of(
                GENDER,
                Json.MAPPER.readTree("{\"element\":\"" + GENDER
                        + "\",\"membership\":\"shipped\",\"list\":\"nhs-dd-person-stated-gender-code\"}"),
                RELIGION,
                Json.MAPPER.readTree("{\"element\":\"" + RELIGION
                        + "\",\"membership\":\"terminology-server\",\"valueSet\":\"<< 309884000\"}"));
        String md = render(bindings);
        assertThat(md).doesNotContain("| `" + GENDER + "` |");
        assertThat(md)
                .contains("| `" + RELIGION + "` |")
                .contains("format checked, membership needs a terminology server (<< 309884000)");
    }

    @Test
    void every_coded_element_the_standard_names_is_counted() {
        assertThat(render(Map.of())).containsPattern("for \\d+ items; membership is enforced for \\d+");
        long coded = PrsbStandard.v1_1().elements().stream()
                .filter(ValueSetDifferences::coded)
                .count();
        assertThat(coded).isBetween(70L, 90L);
    }
}
