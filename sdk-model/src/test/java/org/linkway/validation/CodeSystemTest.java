package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import tools.jackson.databind.node.ObjectNode;

/**
 * Code systems on coded elements: SNOMED CT elements take exactly http://snomed.info/sct, a near
 * miss is named, another system is an error, concept ids are checked whatever the system says;
 * the short PRSB lists, SDS job roles and UCUM units.
 */
class CodeSystemTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String PROBLEM = "Problem list / Problem list record entry / Problem / Coded value";
    private static final String PROBLEM_AT = "/problemList/entries/0/problem/coding";

    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    /** The minimal referral with one problem coded as given. */
    static ObjectNode withProblem(String system, String code) {
        ObjectNode r = Fixtures.minimalReferral();
        ObjectNode coding = r.putObject("problemList")
                .putArray("entries")
                .addObject()
                .putObject("problem")
                .putObject("coding");
        coding.put("system", system).put("code", code);
        return r;
    }

    private List<Finding> findings(ObjectNode message) {
        return validator.validate(message.toString()).findings();
    }

    @Test
    void the_exact_snomed_system_with_a_real_concept_passes() {
        assertThat(findings(withProblem("http://snomed.info/sct", "422650009"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://snomed.info/sct/          | a trailing slash",
                "https://snomed.info/sct          | https instead of http",
                "HTTP://SNOMED.INFO/SCT           | capital letters",
                "http://Snomed.info/sct           | capital letters",
                "'http://snomed.info/sct '        | spaces around it",
                "http://www.snomed.info/sct       | an added www.",
                "snomed.info/sct                  | no scheme",
                "SNOMED CT                        | names SNOMED CT but not by its URI",
                "SNOMED-CT                        | names SNOMED CT but not by its URI",
                "urn:oid:2.16.840.1.113883.6.96   | names SNOMED CT but not by its URI",
                "http://snomed.info/sct/900000000000207008 | names SNOMED CT but not by its URI"
            })
    void a_near_miss_is_named(String system, String why) {
        List<Finding> f = findings(withProblem(system, "422650009"));

        assertThat(f).hasSize(1);
        assertThat(f.get(0).ruleId()).isEqualTo(Rule.CODE_SYSTEM.id());
        assertThat(f.get(0).pointer()).isEqualTo(PROBLEM_AT + "/system");
        assertThat(f.get(0).prsbPath()).isEqualTo(PROBLEM);
        assertThat(f.get(0).message())
                .contains("near miss")
                .contains(why)
                .contains("'http://snomed.info/sct'")
                .contains("'Problem' (coded value)");
    }

    @Test
    void a_local_system_on_a_snomed_element_is_an_error_and_the_concept_id_is_still_checked() {
        List<Finding> f = findings(withProblem("https://gp.example.org/codes", "LONELY"));

        assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.CODE_SYSTEM.id(), Rule.SNOMED_CONCEPT_ID.id());
        assertThat(f.get(0).message())
                .contains("'https://gp.example.org/codes'")
                .contains("PRSB codes it in SNOMED CT")
                .contains("1127581000000103");
        assertThat(f.get(1).pointer()).isEqualTo(PROBLEM_AT + "/code");
    }

    @Test
    void a_near_miss_with_a_bad_check_digit_gets_both_findings() {
        List<Finding> f = findings(withProblem("http://snomed.info/sct/", "422650008"));

        assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.CODE_SYSTEM.id(), Rule.SNOMED_CONCEPT_ID.id());
    }

    @Test
    void near_misses_of_the_snomed_uri_are_always_named() {
        List<String> slips = List.of("/", " ", "//");
        qt().withFixedSeed(17_010L)
                .withExamples(200)
                .forAll(
                        Gens.pick("http", "https", "HTTP", "Https"),
                        Gens.pick("snomed.info", "SNOMED.info", "www.snomed.info", "Snomed.Info"),
                        Gens.pick("sct", "SCT", "Sct"),
                        Gens.pick(slips.toArray(new String[0])))
                .assuming((scheme, host, path, tail) ->
                        !(scheme + "://" + host + "/" + path).equals("http://snomed.info/sct") || !tail.isEmpty())
                .checkAssert((scheme, host, path, tail) -> {
                    String system = scheme + "://" + host + "/" + path + tail;
                    List<Finding> f = findings(withProblem(system, "422650009"));
                    assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.CODE_SYSTEM.id());
                    assertThat(f.get(0).message()).contains("near miss");
                });
    }

    @Test
    void a_coding_on_a_linkway_element_is_only_checked_when_it_claims_snomed() {
        ObjectNode consent = example("consent--given-gp-and-provider.json");
        ObjectNode role = ((ObjectNode) consent.at("/recordedBy")).putObject("role");
        role.put("system", "https://example.org/local-roles").put("code", "LW");
        assertThat(validator.validate(consent.toString()).findings()).isEmpty();

        role.put("system", "http://snomed.info/sct/").put("code", "LW");
        assertThat(validator.validate(consent.toString()).findings())
                .extracting(Finding::ruleId)
                .containsExactly(Rule.CODE_SYSTEM.id(), Rule.SNOMED_CONCEPT_ID.id());
    }

    @Test
    void the_gp_opt_out_indicator_takes_only_the_two_concepts_prsb_lists() {
        ObjectNode r = Fixtures.minimalReferral();
        ObjectNode entry = (ObjectNode) r.at("/gpPractice/entries/0");
        entry.putObject("gpOptOutIndicator")
                .put("system", "http://snomed.info/sct")
                .put("code", "1092961000000104");
        assertThat(findings(r)).isEmpty();

        entry.putObject("gpOptOutIndicator")
                .put("system", "http://snomed.info/sct")
                .put("code", "422650009");
        List<Finding> f = findings(r);
        assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.CODE_NOT_IN_LIST.id());
        assertThat(f.get(0).pointer()).isEqualTo("/gpPractice/entries/0/gpOptOutIndicator/code");
        assertThat(f.get(0).message()).contains("'422650009'").contains("prsb-gp-opt-out-indicator");
    }

    @Test
    void the_date_stopped_smoking_is_coded_only_as_prsb_says() {
        ObjectNode r = example("referral--full-gp-loneliness.json");
        ObjectNode coding = (ObjectNode) r.at("/socialContext/smokingStatus/dateStoppedSmoking/coding");
        assertThat(coding.path("code").asString()).isEqualTo("160625004");
        assertThat(validator.validate(r.toString()).findings()).isEmpty();

        coding.put("code", "8517006");
        List<Finding> f = validator.validate(r.toString()).findings();
        assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.CODE_NOT_IN_LIST.id());
        assertThat(f.get(0).prsbPath())
                .isEqualTo("Social context / Smoking status / Date stopped smoking / Coded value");
        assertThat(f.get(0).message())
                .contains("'8517006'")
                .contains("prsb-date-stopped-smoking")
                .contains("160625004");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R0260", "R8000"})
    void an_sds_job_role_in_its_form_passes(String code) {
        assertThat(findings(withReferrerRole("https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName", code)))
                .isEmpty();
    }

    @Test
    void an_sds_job_role_out_of_form_or_in_another_system_is_named() {
        List<Finding> form =
                findings(withReferrerRole("https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName", "GP"));
        assertThat(form).extracting(Finding::ruleId).containsExactly(Rule.FORMAT.id());
        assertThat(form.get(0).pointer()).isEqualTo("/referralDetails/entries/0/referrerDetails/role/code");

        List<Finding> slip =
                findings(withReferrerRole("https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName/", "R0260"));
        assertThat(slip).extracting(Finding::ruleId).containsExactly(Rule.CODE_SYSTEM.id());
        assertThat(slip.get(0).message()).contains("a trailing slash");
    }

    private static ObjectNode withReferrerRole(String system, String code) {
        ObjectNode r = Fixtures.minimalReferral();
        ((ObjectNode) r.at("/referralDetails/entries/0/referrerDetails"))
                .putObject("role")
                .put("system", system)
                .put("code", code);
        return r;
    }

    @Test
    void assessment_scores_may_carry_linkway_outcome_score_codes() {
        Map<String, List<String>> bySystem = Map.of(
                "https://linkway.org/fhir/CodeSystem/outcome-score", List.of(),
                "https://linkway.org/fhir/CodeSystem/outcome-score/", List.of(Rule.CODE_SYSTEM.id()));
        bySystem.forEach((system, expected) -> {
            ObjectNode a = assessmentWithSubscale(system, "ons4/worthwhile", "{score}");
            assertThat(validator.validate(a.toString()).findings().stream()
                            .map(Finding::ruleId)
                            .collect(Collectors.toList()))
                    .as(system)
                    .isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{score}", "1", "kg", "mm[Hg]", "/min", "%", "{points}"})
    void ucum_units_pass(String unit) {
        assertThat(validator
                        .validate(assessmentWithSubscale(null, null, unit).toString())
                        .findings())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"points", "score", "Kg", "mmHg", "{score"})
    void other_units_are_named(String unit) {
        List<Finding> f = validator
                .validate(assessmentWithSubscale(null, null, unit).toString())
                .findings();
        assertThat(f).extracting(Finding::ruleId).containsExactly(Rule.UCUM_UNIT.id());
        assertThat(f.get(0).pointer()).isEqualTo("/assessment/structuredAssessment/subscaleResult/0/unitsOfMeasure");
        assertThat(f.get(0).prsbPath()).endsWith("Subscale result / Units of measure");
        assertThat(f.get(0).message()).contains("'" + unit + "'").contains("UCUM");
    }

    private static ObjectNode assessmentWithSubscale(String system, String code, String unit) {
        ObjectNode a = example("assessment--ons4-baseline.json");
        ObjectNode result = (ObjectNode) a.at("/assessment/structuredAssessment/subscaleResult/0");
        if (system != null) {
            ((ObjectNode) result.at("/subscaleScore/coding"))
                    .put("system", system)
                    .put("code", code);
        }
        result.put("unitsOfMeasure", unit);
        return a;
    }

    private static ObjectNode example(String name) {
        try {
            return (ObjectNode) LinkwayJson.mapper()
                    .readTree(Files.readString(
                            Path.of("../schemas/examples/valid").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_message_locale_says_the_same() {
        // findings are built with explicit case rules: a Turkish default locale must not change them
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(findings(withProblem("HTTP://SNOMED.INFO/SCT", "422650009")))
                    .extracting(Finding::ruleId)
                    .containsExactly(Rule.CODE_SYSTEM.id());
        } finally {
            Locale.setDefault(before);
        }
    }
}
