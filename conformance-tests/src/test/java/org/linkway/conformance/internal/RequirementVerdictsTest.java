package org.linkway.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.RequirementVerdict;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;

/**
 * Each check names the requirement it checks, and a failure blames that one alone: the runner on
 * tests of two requirements that make no HTTP request, so the verdict rule is all that is tested.
 */
class RequirementVerdictsTest {

    private static final List<String> TWO = List.of("LW-REF-003", "LW-REF-004");

    private static TestResult run(TestCase.Body body) {
        KitConfig config = KitConfig.builder("http://127.0.0.1:9")
                .profile(Profile.REFERRAL_RECEIVER)
                .build();
        return new Runner(config)
                .run(
                        List.of(TestCase.shall("XX-01", Profile.REFERRAL_RECEIVER, "two requirements", TWO, body)),
                        r -> {})
                .get(0);
    }

    private static SuiteResult suite(TestResult r) {
        return new SuiteResult(
                "http://127.0.0.1:9", List.of(Profile.REFERRAL_RECEIVER), 1, Instant.EPOCH, 0, List.of(r));
    }

    @Test
    void a_failing_check_of_the_second_requirement_blames_it_alone() {
        TestResult r = run(ctx -> {
            ctx.check(true, "the first requirement's check holds");
            ctx.check("LW-REF-004", false, "the second requirement's check fails");
        });
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.verdicts())
                .isEqualTo(Map.of("LW-REF-003", RequirementVerdict.PASS, "LW-REF-004", RequirementVerdict.FAIL));
        assertThat(suite(r).failedRequirements()).containsExactly("LW-REF-004");
    }

    @Test
    void a_failure_before_the_second_requirement_is_checked_leaves_it_not_judged() {
        TestResult r = run(ctx -> {
            ctx.check(false, "the first requirement's check fails");
            ctx.check("LW-REF-004", true, "never reached");
        });
        assertThat(r.verdicts())
                .isEqualTo(Map.of("LW-REF-003", RequirementVerdict.FAIL, "LW-REF-004", RequirementVerdict.NOT_JUDGED));
        assertThat(suite(r).failedRequirements()).containsExactly("LW-REF-003");
    }

    @Test
    void a_failure_inside_a_requirement_scope_blames_that_requirement_even_from_a_helper() {
        TestResult r = run(ctx -> ctx.requirement("LW-REF-004", () -> {
            throw new CheckFailed("a helper's own check, naming no requirement");
        }));
        assertThat(r.verdicts()).containsEntry("LW-REF-004", RequirementVerdict.FAIL);
        assertThat(r.verdicts()).containsEntry("LW-REF-003", RequirementVerdict.NOT_JUDGED);
    }

    @Test
    void a_pass_reports_each_requirement_checked_and_one_never_checked_as_not_judged() {
        TestResult checked = run(ctx -> {
            ctx.check(true, "first");
            ctx.check("LW-REF-004", true, "second");
        });
        assertThat(checked.verdicts())
                .containsOnly(
                        Map.entry("LW-REF-003", RequirementVerdict.PASS),
                        Map.entry("LW-REF-004", RequirementVerdict.PASS));
        TestResult unchecked = run(ctx -> ctx.check(true, "first only"));
        assertThat(unchecked.verdicts()).containsEntry("LW-REF-004", RequirementVerdict.NOT_JUDGED);
    }

    @Test
    void a_check_naming_a_requirement_its_test_does_not_verify_is_a_kit_error() {
        TestResult r = run(ctx -> ctx.check("LW-REF-099", true, "not this test's"));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.message()).contains("LW-REF-099");
    }

    @Test
    void a_skip_is_every_requirements() {
        TestResult r = run(ctx -> {
            throw ctx.skip("no token");
        });
        assertThat(r.verdicts().values()).containsOnly(RequirementVerdict.SKIP);
    }
}
