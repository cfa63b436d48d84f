package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linkway.conformance.requirement.Requirement;
import org.linkway.conformance.requirement.RequirementCatalogue;

/**
 * The build check of the catalogue: every SHALL requirement has a test or a reason it is not
 * tested, every test names only known requirements, and every trace points at something real.
 */
class RequirementTraceabilityTest {

    final RequirementCatalogue catalogue = RequirementCatalogue.load();
    final List<ConformanceSuite.TestInfo> tests = ConformanceSuite.tests();

    @Test
    void every_test_names_only_requirements_in_the_catalogue() {
        for (ConformanceSuite.TestInfo t : tests) {
            assertThat(t.requirements())
                    .as(t.id())
                    .isNotEmpty()
                    .allMatch(id -> catalogue.find(id).isPresent(), "known requirement ids");
        }
    }

    @Test
    void every_shall_requirement_has_a_test_or_a_reason() {
        Set<String> tested =
                tests.stream().flatMap(t -> t.requirements().stream()).collect(Collectors.toSet());
        List<String> untraced = catalogue.all().stream()
                .filter(r -> r.level() == Level.SHALL
                        && !tested.contains(r.id())
                        && r.notTested().isEmpty())
                .map(Requirement::id)
                .toList();
        assertThat(untraced)
                .as("SHALL requirements with neither a test nor a not-tested reason")
                .isEmpty();
        List<String> both = catalogue.all().stream()
                .filter(r -> tested.contains(r.id()) && r.notTested().isPresent())
                .map(Requirement::id)
                .toList();
        assertThat(both).as("requirements said to be untested that have tests").isEmpty();
    }

    @Test
    void test_ids_are_unique_and_shaped_like_their_profile() {
        Set<String> seen = new HashSet<>();
        for (ConformanceSuite.TestInfo t : tests) {
            assertThat(seen.add(t.id())).as("duplicate test id " + t.id()).isTrue();
            assertThat(t.id()).matches("(RR|PR|FB|EV|FH|SE|MF|DR|LP|TR|SR)-\\d{2}");
        }
    }

    /**
     * Every trace is a PRSB element of the standard the project ships ({@code schemas/prsb/elements.tsv}) or one of the
     * sources listed, with where they come from, in {@code trace-sources.csv}: the capability epics of the NHS
     * England Buying Catalogue's C37 Social Prescribing capability, by id and exact name, the national SNOMED CT
     * codes, and {@code Linkway API} for rules of the API contract itself that no element or epic states.
     */
    @Test
    void every_trace_names_a_real_prsb_element_or_capability_epic() throws IOException {
        Set<String> elements = Files.readAllLines(Path.of("../schemas/prsb/elements.tsv")).stream()
                .skip(1)
                .map(l -> l.split("\t")[0])
                .collect(Collectors.toSet());
        Set<String> sources = Files.readAllLines(Path.of("trace-sources.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", 3)[1])
                .collect(Collectors.toSet());
        assertThat(sources)
                .as("the 16 epics of C37, one national source, the API")
                .hasSize(18);
        for (Requirement r : catalogue.all()) {
            assertThat(r.tracesTo()).as(r.id() + " traces to something").isNotBlank();
            for (String trace : r.tracesTo().split(";")) {
                String t = trace.trim();
                if (t.startsWith("PRSB ")) {
                    assertThat(elements).as(r.id() + " traces to " + t).contains(t.substring(5));
                } else {
                    assertThat(sources)
                            .as(r.id() + ": '" + t + "' is neither a PRSB element nor a source in trace-sources.csv")
                            .contains(t);
                }
            }
        }
    }

    /** The sender tests are the referral-sender profile's, SR-nn, one requirement each, LW-SND-nnn. */
    @Test
    void sender_tests_belong_to_the_sender_profile() {
        List<ConformanceSuite.TestInfo> sender = tests.stream()
                .filter(t -> t.profile() == Profile.REFERRAL_SENDER)
                .toList();
        assertThat(sender).hasSize(8).allSatisfy(t -> {
            assertThat(t.id()).startsWith("SR-");
            assertThat(t.requirements()).singleElement().asString().startsWith("LW-SND-");
        });
        assertThat(tests.stream().filter(t -> t.id().startsWith("SR-")))
                .allMatch(t -> t.profile() == Profile.REFERRAL_SENDER);
    }

    /** Traces found stretched in the review (docs/CONFORMANCE.md) stay fixed. */
    @Test
    void reviewed_traces_are_not_stretched_again() {
        Map<String, String> traces =
                catalogue.all().stream().collect(Collectors.toMap(Requirement::id, Requirement::tracesTo));
        // If-Match on an onward referral is not an appointment notification
        assertThat(traces.get("LW-PRV-002")).doesNotContain("C37E12");
        assertThat(traces.get("LW-PRV-006")).doesNotContain("C37E12");
        // paging and organisation scoping are not management information
        assertThat(traces.get("LW-REF-020")).doesNotContain("C37E16");
        assertThat(traces.get("LW-SEC-004")).doesNotContain("C37E16");
        // the GP practice reading its message back is not service feedback
        assertThat(traces.get("LW-FBK-007")).doesNotContain("C37E15");
        for (String security : List.of("LW-SEC-001", "LW-SEC-002", "LW-SEC-003", "LW-SEC-005", "LW-SEC-006")) {
            assertThat(traces.get(security)).as(security).isEqualTo("Linkway API");
        }
    }

    @Test
    void the_vendor_documentation_lists_every_test() throws IOException {
        String docs = Files.readString(Path.of("../docs/CONFORMANCE.md"));
        for (ConformanceSuite.TestInfo t : tests) {
            assertThat(docs)
                    .as("docs/CONFORMANCE.md lists " + t.id())
                    .contains("| " + t.id() + " | " + t.profile().id() + " | " + t.level() + " | "
                            + String.join(", ", t.requirements()) + " |");
        }
    }

    @Test
    void a_malformed_catalogue_is_refused_naming_the_row() {
        String header = "id,text,level,traces_to,profile,not_tested_reason\n";
        assertThatThrownBy(() -> RequirementCatalogue.parse(
                        header + "LW-REF-001,\"x, y\",MUST,C37E3 Refer,referral-receiver,\n"))
                .hasMessageContaining("row 2")
                .hasMessageContaining("SHALL or SHOULD");
        assertThatThrownBy(
                        () -> RequirementCatalogue.parse(header + "LW-REF-1,x,SHALL,C37E3 Refer,referral-receiver,\n"))
                .hasMessageContaining("bad id");
        assertThatThrownBy(() -> RequirementCatalogue.parse(header + "LW-REF-001,x,SHALL,C37E3 Refer,nobody,\n"))
                .hasMessageContaining("unknown profile");
        RequirementCatalogue quoted =
                RequirementCatalogue.parse(header + "LW-REF-001,\"says \"\"hi\"\", twice\",SHOULD,C37E3 Refer,fhir,\n");
        assertThat(quoted.all().get(0).text()).isEqualTo("says \"hi\", twice");
        assertThat(quoted.all().get(0).profile()).isEqualTo(Profile.FHIR);
    }
}
