package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.server.LinkwayServer;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * The kit must fail a server that is wrong: one reference server, a proxy in front of it broken
 * one way per test, and the kit run over the tests around that behaviour. Each run must fail,
 * naming the requirement that was broken and nothing unrelated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BrokenVariantsTest {

    static final Map<String, String> TOKENS = Map.of("token-org-a", "A81001", "token-org-b", "B82002");

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    LinkwayServer server;
    String upstream;

    @BeforeAll
    void start() {
        server = testServer.server();
        upstream = "http://127.0.0.1:" + server.port();
    }

    SuiteResult run(BreakingProxy.Breakage breakage, Set<Profile> profiles, List<String> only, boolean tokens) {
        try (BreakingProxy proxy = new BreakingProxy(upstream, DevAdmin.token(server), breakage)) {
            KitConfig.Builder b =
                    KitConfig.builder(proxy.url()).profiles(profiles).only(only).fuzzTries(10);
            if (tokens) {
                b.token("token-org-a").token(KitConfig.OTHER_ORG_ROLE, "token-org-b");
            }
            return ConformanceSuite.run(b.build());
        }
    }

    static void failsExactlyOn(SuiteResult result, String mustFail, Set<String> mayFail) {
        assertThat(result.exitCode()).as("the kit must fail this server").isEqualTo(1);
        assertThat(result.failedRequirements())
                .contains(mustFail)
                .allMatch(r -> r.equals(mustFail) || mayFail.contains(r), "only requirements about the breakage fail");
        assertThat(result.failures()).allMatch(r -> r.outcome() == Outcome.FAIL, "failures, not kit errors");
    }

    @Test
    void the_transparent_proxy_passes_the_same_selections() {
        SuiteResult result = run(
                Breakages.none(),
                EnumSet.of(Profile.REFERRAL_RECEIVER, Profile.FEEDBACK),
                List.of("RR-03", "RR-04", "RR-05", "RR-15", "RR-16", "RR-17", "FB-02", "RR-31"),
                false);
        assertThat(result.failures()).isEmpty();
        assertThat(result.results())
                .filteredOn(r -> r.outcome() == Outcome.PASS)
                .hasSize(8);
    }

    @Test
    void a_server_that_accepts_an_invalid_nhs_number_fails_LW_REF_003() {
        SuiteResult result = run(
                Breakages.acceptsInvalidNhsNumber(),
                EnumSet.of(Profile.REFERRAL_RECEIVER),
                List.of("RR-01", "RR-02", "RR-03", "RR-04", "RR-05", "RR-10"),
                false);
        failsExactlyOn(result, "LW-REF-003", Set.of("LW-REF-004"));
    }

    @Test
    void a_server_that_allows_completed_to_in_progress_fails_LW_REF_017() {
        SuiteResult result = run(
                Breakages.allowsCompletedToInProgress(),
                EnumSet.of(Profile.REFERRAL_RECEIVER),
                List.of("RR-14", "RR-15", "RR-17", "RR-18", "RR-19"),
                false);
        failsExactlyOn(result, "LW-REF-017", Set.of());
        assertThat(result.failures().get(0).message()).contains("completed -> in-progress");
    }

    @Test
    void a_server_that_ignores_if_match_fails_LW_REF_015() {
        SuiteResult result = run(
                Breakages.ignoresIfMatch(),
                EnumSet.of(Profile.REFERRAL_RECEIVER),
                List.of("RR-14", "RR-15", "RR-16", "RR-19", "RR-26"),
                false);
        // the two-writers test (LW-REF-016) may or may not catch it: both writers can reach the proxy before either
        // write
        failsExactlyOn(result, "LW-REF-015", Set.of("LW-REF-016", "LW-REF-026"));
    }

    @Test
    void a_server_that_drops_the_message_back_fails_LW_FBK_002() {
        SuiteResult result = run(Breakages.dropsMessageBack(), EnumSet.of(Profile.FEEDBACK), List.of(), false);
        // with no message back at all, nothing of the journey reaches it either (the GP practice tests skip: no tokens)
        failsExactlyOn(
                result,
                "LW-FBK-002",
                Set.of(
                        "LW-FBK-001",
                        "LW-FBK-003",
                        "LW-FBK-004",
                        "LW-FBK-010",
                        "LW-FBK-011",
                        "LW-FBK-012",
                        "LW-FBK-013",
                        "LW-FBK-014",
                        "LW-FBK-015"));
    }

    @Test
    void a_server_that_crashes_on_malformed_json_fails_LW_REF_005() {
        SuiteResult result = run(
                Breakages.serverErrorOnMalformedJson(),
                EnumSet.of(Profile.REFERRAL_RECEIVER),
                List.of("RR-05", "RR-31"),
                false);
        failsExactlyOn(result, "LW-REF-005", Set.of("LW-REF-031"));
    }

    @Test
    void with_organisation_scoping_the_security_profile_passes() {
        SuiteResult result = run(
                Breakages.organisations(TOKENS, false),
                EnumSet.of(Profile.SECURITY, Profile.REFERRAL_RECEIVER),
                List.of("SE-01", "SE-02", "SE-03", "SE-04", "RR-01", "RR-27"),
                true);
        assertThat(result.failures()).isEmpty();
        // SE-05 forges variants of a JWT and these tokens are opaque: ForgedTokenVariantsTest has it
        assertThat(result.results())
                .filteredOn(r -> r.profile() == Profile.SECURITY && !r.id().equals("SE-05"))
                .extracting(TestResult::outcome)
                .containsOnly(Outcome.PASS);
    }

    @Test
    void a_server_that_scopes_the_referral_but_not_its_records_fails_LW_SEC_003() {
        SuiteResult result = run(
                Breakages.organisations(TOKENS, false, sub -> sub.startsWith("/contacts")),
                EnumSet.of(Profile.SECURITY),
                List.of(),
                true);
        failsExactlyOn(result, "LW-SEC-003", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("/contacts"));
    }

    @Test
    void a_server_that_leaks_another_organisations_referral_fails_LW_SEC_003() {
        SuiteResult result = run(Breakages.organisations(TOKENS, true), EnumSet.of(Profile.SECURITY), List.of(), true);
        failsExactlyOn(result, "LW-SEC-003", Set.of("LW-SEC-004"));
        assertThat(result.failedRequirements()).containsExactly("LW-SEC-003", "LW-SEC-004");
    }
}
