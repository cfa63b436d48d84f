package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.LinkwayServer;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * The kit must fail a server that gets issue 15 wrong: one reference server, a proxy in front
 * of it broken one way per run, each party on its own token. Each run fails exactly the
 * requirement that was broken; the same proxy left transparent passes every selection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MessageBackBrokenVariantsTest {

    /** The tokens of one server: the admin (the kit's default), the GP practice, the referrer, another organisation. */
    record Tokens(String admin, String gp, String referrer, String other) {}

    static final List<String> GP = List.of("FB-06", "FB-07", "FB-08", "FB-09");
    static final List<String> CONTENT = List.of("FB-10", "FB-11", "FB-12", "FB-13", "FB-14", "FB-15");
    static final List<String> CONSENT = List.of("FB-06", "FB-16", "FB-17");
    static final List<String> FHIR = List.of("FH-01", "FH-02", "FH-03", "FH-04", "FB-06");
    static final List<String> ANSWERS = List.of("RR-23", "RR-34", "RR-35");
    static final List<String> CLOSED = List.of("RR-25", "RR-36", "RR-37");
    static final Set<Profile> FEEDBACK = EnumSet.of(Profile.FEEDBACK);
    static final Set<Profile> RECEIVER = EnumSet.of(Profile.REFERRAL_RECEIVER);

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    LinkwayServer server;
    String upstream;
    Tokens tokens;

    @BeforeAll
    void start() {
        server = testServer.server();
        upstream = "http://127.0.0.1:" + server.port();
        tokens = new Tokens(
                DevAdmin.token(server),
                DevAdmin.mint(server, Role.REFERRER, DevAdmin.GP_PRACTICE),
                DevAdmin.mint(server, Role.REFERRER, DevAdmin.REFERRER),
                DevAdmin.mint(server, Role.REFERRER, DevAdmin.OTHER_ORG));
    }

    SuiteResult run(BreakingProxy.Breakage breakage, Set<Profile> profiles, List<String> only) {
        try (BreakingProxy proxy = BreakingProxy.passingTokens(upstream, tokens.admin(), breakage)) {
            return ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .profiles(profiles)
                    .only(only)
                    .token(tokens.admin())
                    .token(KitConfig.GP_PRACTICE_ROLE, tokens.gp())
                    .token(KitConfig.REFERRER_ROLE, tokens.referrer())
                    .token(KitConfig.OTHER_ORG_ROLE, tokens.other())
                    .build());
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                variant(
                        "answers 404 to the GP practice",
                        t -> MessageBackBreakages.hidesMessageBackFromGp(t.gp()),
                        FEEDBACK,
                        GP,
                        "LW-FBK-006"),
                variant(
                        "lists no message backs to the GP practice",
                        t -> MessageBackBreakages.listsNothingToGp(t.gp()),
                        FEEDBACK,
                        GP,
                        "LW-FBK-007"),
                variant(
                        "serves message backs to another organisation",
                        t -> MessageBackBreakages.servesMessageBacksWholeTo(t.other(), t.admin()),
                        FEEDBACK,
                        GP,
                        "LW-FBK-008"),
                variant(
                        "shows the referral to the GP practice",
                        t -> MessageBackBreakages.showsReferralToGp(t.gp(), t.admin()),
                        FEEDBACK,
                        GP,
                        "LW-FBK-009"),
                variant(
                        "strips the contacts",
                        t -> MessageBackBreakages.dropsSection("contactsWithProfessionals"),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-010"),
                variant(
                        "strips the assessments",
                        t -> MessageBackBreakages.dropsSection("assessments"),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-011"),
                variant(
                        "strips the signposts",
                        t -> MessageBackBreakages.dropsSection("signpostDetails"),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-012"),
                variant(
                        "sends the latest care plan, agreed or not",
                        t -> MessageBackBreakages.sendsLatestCarePlanVersion(),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-013"),
                variant(
                        "strips the plan and requested actions (the onward referrals)",
                        t -> MessageBackBreakages.dropsSection("planAndRequestedActions"),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-014"),
                variant(
                        "names another person",
                        t -> MessageBackBreakages.swapsNhsNumber(),
                        FEEDBACK,
                        CONTENT,
                        "LW-FBK-015"),
                variant(
                        "serves the full message back to a GP practice the person refused",
                        t -> MessageBackBreakages.servesMessageBacksWholeTo(t.gp(), t.admin()),
                        FEEDBACK,
                        CONSENT,
                        "LW-FBK-016"),
                variant(
                        "serves the full message back to a referrer the person refused",
                        t -> MessageBackBreakages.servesMessageBacksWholeTo(t.referrer(), t.admin()),
                        FEEDBACK,
                        CONSENT,
                        "LW-FBK-017"),
                variant(
                        "answers the GP practice's FHIR document read with 404",
                        t -> MessageBackBreakages.hidesFhirDocumentFromGp(t.gp()),
                        EnumSet.of(Profile.FHIR, Profile.FEEDBACK),
                        FHIR,
                        "LW-FHR-004"),
                variant(
                        "accepts an ONS4 answer of 11",
                        t -> MessageBackBreakages.acceptsOns4Eleven(),
                        RECEIVER,
                        ANSWERS,
                        "LW-REF-041"),
                variant(
                        "ignores a stated total",
                        t -> MessageBackBreakages.ignoresStatedTotal(),
                        RECEIVER,
                        ANSWERS,
                        "LW-REF-042"),
                variant(
                        "accepts a contact on a closed referral",
                        t -> MessageBackBreakages.acceptsContactOnClosedReferral(),
                        RECEIVER,
                        CLOSED,
                        "LW-REF-043"),
                variant(
                        "refuses consent after closing",
                        t -> MessageBackBreakages.refusesConsentAfterClosing(),
                        RECEIVER,
                        CLOSED,
                        "LW-REF-044"));
    }

    static Arguments variant(
            String name,
            Function<Tokens, BreakingProxy.Breakage> breakage,
            Set<Profile> profiles,
            List<String> only,
            String requirement) {
        return Arguments.of(name, breakage, profiles, only, requirement);
    }

    @ParameterizedTest(name = "a server that {0} fails {4}")
    @MethodSource("variants")
    void a_broken_server_fails_exactly_the_requirement_it_breaks(
            String name,
            Function<Tokens, BreakingProxy.Breakage> breakage,
            Set<Profile> profiles,
            List<String> only,
            String requirement) {
        SuiteResult result = run(breakage.apply(tokens), profiles, only);
        assertThat(result.results())
                .filteredOn(r -> r.outcome() == Outcome.SKIP)
                .as("every party has a token: nothing is skipped")
                .isEmpty();
        BrokenVariantsTest.failsExactlyOn(result, requirement, Set.of());
    }

    @Test
    void the_transparent_proxy_passes_every_selection() {
        List<String> all = Stream.of(GP, CONTENT, CONSENT, FHIR, ANSWERS, CLOSED)
                .flatMap(List::stream)
                .distinct()
                .toList();
        SuiteResult result = run(
                new BreakingProxy.Breakage() {},
                EnumSet.of(Profile.FEEDBACK, Profile.FHIR, Profile.REFERRAL_RECEIVER),
                all);
        assertThat(result.failures()).as(result.failures().toString()).isEmpty();
        assertThat(result.results())
                .filteredOn(r -> r.outcome() == Outcome.PASS)
                .hasSize(all.size());
    }

    @Test
    void without_a_gp_practice_token_the_gp_tests_are_skipped_naming_the_option_and_the_run_is_partial() {
        List<String> gpTests = List.of("FB-06", "FB-07", "FB-09", "FB-16", "FH-04");
        SuiteResult result = ConformanceSuite.run(KitConfig.builder(upstream)
                .token(tokens.admin())
                .profiles(EnumSet.of(Profile.FEEDBACK, Profile.FHIR))
                .only(gpTests)
                .build());
        assertThat(result.exitCode()).isZero();
        assertThat(result.results())
                .filteredOn(r -> gpTests.contains(r.id()))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.outcome()).as(r.id()).isEqualTo(Outcome.SKIP))
                .allSatisfy(r -> assertThat(r.message()).as(r.id()).contains("--token-gp-practice"));
        assertThat(result.partial()).isTrue();
        assertThat(result.notShown()).contains("FB-06", "FB-07", "FB-09", "FB-16", "FH-04");
    }
}
