package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pluggable terminology check, with a real in-process terminology service: an in-memory
 * index of value sets, as an SDK user might load from a refset release file. Its answer becomes
 * the finding; without one, unshippable value sets get their form checked only.
 */
class TerminologyServiceTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String HEALTH_ISSUES = "http://snomed.info/sct?fhir_vs=refset/1127581000000103";
    private static final String PROBLEM = "Problem list / Problem list record entry / Problem / Coded value";

    /** Value sets held in memory; answers "unknown" for a value set it was not given, and remembers every question. */
    static final class InMemoryTerminology implements TerminologyService {
        private final Map<String, Set<String>> valueSets;
        final List<String> asked = new ArrayList<>();
        final Map<String, Integer> cache = new ConcurrentHashMap<>();

        InMemoryTerminology(Map<String, Set<String>> valueSets) {
            this.valueSets = valueSets;
        }

        @Override
        public synchronized Answer validateCode(String system, String code, String valueSet) {
            asked.add(system + "|" + code + "|" + valueSet);
            Set<String> members = valueSets.get(valueSet);
            if (members == null) {
                return Answer.unknown("value set not loaded");
            }
            return members.contains(code) ? Answer.member() : Answer.notAMember("not in the loaded release");
        }
    }

    private static ObjectNode referralWithProblem(String code) {
        return CodeSystemTest.withProblem("http://snomed.info/sct", code);
    }

    private static MessageValidator with(TerminologyService t) {
        return MessageValidator.builder().clock(TODAY).terminology(t).build();
    }

    @Test
    void a_member_passes_and_the_service_is_asked_with_the_element_value_set() {
        InMemoryTerminology t = new InMemoryTerminology(Map.of(HEALTH_ISSUES, Set.of("422650009")));

        ValidationResult result =
                with(t).validate(referralWithProblem("422650009").toString());

        assertThat(result.findings()).isEmpty();
        assertThat(t.asked).containsExactly("http://snomed.info/sct|422650009|" + HEALTH_ISSUES);
    }

    @Test
    void a_code_the_service_says_is_not_a_member_is_an_error_naming_element_code_and_value_set() {
        InMemoryTerminology t = new InMemoryTerminology(Map.of(HEALTH_ISSUES, Set.of("422650009")));

        ValidationResult result =
                with(t).validate(referralWithProblem("35489007").toString());

        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.ruleId()).isEqualTo(Rule.CODE_NOT_IN_LIST.id());
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.pointer()).isEqualTo("/problemList/entries/0/problem/coding/code");
        assertThat(f.prsbPath()).isEqualTo(PROBLEM);
        assertThat(f.message()).contains("'35489007'").contains(HEALTH_ISSUES).contains("not in the loaded release");
    }

    @Test
    void an_unknown_answer_is_information_saying_the_format_was_checked() {
        InMemoryTerminology t = new InMemoryTerminology(Map.of());

        ValidationResult result =
                with(t).validate(referralWithProblem("422650009").toString());

        assertThat(result.isValid()).isTrue();
        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.ruleId()).isEqualTo(Rule.CODE_UNCHECKED.id());
        assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
        assertThat(f.message()).contains("format checked").contains("needs a terminology server");
    }

    @Test
    void unavailable_reports_every_code_it_could_not_check() {
        ValidationResult result = with(TerminologyService.unavailable())
                .validate(referralWithProblem("422650009").toString());

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(Rule.CODE_UNCHECKED.id());
        assertThat(result.findings().get(0).message()).contains("no terminology server is configured");
    }

    @Test
    void a_failing_service_never_fails_the_validation() {
        TerminologyService down = (system, code, valueSet) -> {
            throw new IllegalStateException("connection refused");
        };
        TerminologyService silent = (system, code, valueSet) -> null;

        for (TerminologyService t : List.of(down, silent)) {
            ValidationResult result =
                    with(t).validate(referralWithProblem("422650009").toString());
            assertThat(result.isValid()).isTrue();
            assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(Rule.CODE_UNCHECKED.id());
        }
    }

    @Test
    void a_code_with_a_bad_check_digit_or_system_is_not_sent_to_the_service() {
        InMemoryTerminology t = new InMemoryTerminology(Map.of(HEALTH_ISSUES, Set.of("422650009")));

        with(t).validate(referralWithProblem("422650008").toString());
        with(t).validate(CodeSystemTest.withProblem("http://snomed.info/sct/", "422650009")
                .toString());

        assertThat(t.asked).isEmpty();
    }

    @Test
    void without_a_service_only_the_form_is_checked() {
        ValidationResult result = MessageValidator.builder()
                .clock(TODAY)
                .build()
                .validate(referralWithProblem("35489007").toString());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void shipped_lists_are_decided_without_the_service() {
        InMemoryTerminology t = new InMemoryTerminology(Map.of());
        ObjectNode r = Fixtures.minimalReferral();
        ((ObjectNode) r.at("/personDemographics")).put("gender", "2");

        assertThat(with(t).validate(r.toString()).findings()).isEmpty();
        assertThat(t.asked).isEmpty();
    }

    @Test
    void bare_nhs_data_dictionary_codes_the_project_does_not_ship_are_asked_with_no_system() {
        InMemoryTerminology t = new InMemoryTerminology(
                Map.of("https://linkway.org/fhir/ValueSet/nhs-dd-address-association-type", Set.of("H")));
        ObjectNode r = Fixtures.minimalReferral();
        ((ObjectNode) r.at("/personDemographics"))
                .putObject("address")
                .put("addressLine1", "1 Mill Lane")
                .put("addressType", "Q");

        ValidationResult result = with(t).validate(r.toString());

        assertThat(t.asked).containsExactly("null|Q|https://linkway.org/fhir/ValueSet/nhs-dd-address-association-type");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(Rule.CODE_NOT_IN_LIST.id());
    }
}
