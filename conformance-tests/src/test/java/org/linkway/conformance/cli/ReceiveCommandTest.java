package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.MessageBack;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code receive} judges a sender from the receiving side: a GP system written with the SDK client
 * passes every SR test; senders each broken in one plausible way fail exactly the requirement they
 * break, and nothing else, in the same JSON report {@code run} writes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReceiveCommandTest {

    static final String TOKEN = "gp-system-token-1";

    @TempDir
    Path reports;

    @Test
    void a_well_behaved_sdk_sender_passes_every_sender_test() throws Exception {
        int port = Senders.freePort();
        CompletableFuture<RunCommandTest.Result> kit = Senders.receive(args(port));
        Senders.awaitListening(port);
        MessageBack back = Senders.sdkSender(port, TOKEN);
        RunCommandTest.Result r = kit.get(2, TimeUnit.MINUTES);

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // the message back the kit played back is about the person the sender referred
        assertThat(back.getReferralId()).isEqualTo("snd-1");
        assertThat(back.getPersonDemographics().getNhsNumber())
                .isEqualTo(Senders.referral()
                        .path("personDemographics")
                        .path("nhsNumber")
                        .asString());
        JsonNode report = report();
        assertThat(report.path("failedRequirements")).isEmpty();
        assertThat(report.path("partial").asBoolean()).isFalse();
        assertThat(outcomes(report))
                .hasSize(8)
                .containsOnlyKeys(srIds())
                .allSatisfy((id, o) -> assertThat(o).as(id).isEqualTo("pass"));
        // the reports keep what the sender sent, its token redacted
        assertThat(Files.readString(reports.resolve("linkway-conformance.json")))
                .doesNotContain(TOKEN);
        assertThat(Files.readString(reports.resolve("linkway-conformance-junit.xml")))
                .contains("SR-05");
        assertThat(Files.exists(reports.resolve("linkway-conformance.html"))).isTrue();
    }

    @Test
    void a_fhir_sender_posting_a_transaction_bundle_passes() throws Exception {
        Map<String, String> outcomes = brokenRun(Senders.Post.fhir(Senders.referral()));
        assertThat(outcomes.values()).as(outcomes.toString()).containsOnly("pass");
    }

    @Test
    void a_bars_shaped_message_sender_passes() throws Exception {
        Map<String, String> outcomes = brokenRun(Senders.Post.fhirMessage(Senders.referral()));
        assertThat(outcomes.values()).as(outcomes.toString()).containsOnly("pass");
    }

    static List<Object[]> broken() {
        ObjectNode badNhs = Senders.referral();
        String nhs = badNhs.path("personDemographics").path("nhsNumber").asString();
        char last = nhs.charAt(9);
        ((ObjectNode) badNhs.get("personDemographics"))
                .put("nhsNumber", nhs.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10));
        ObjectNode noBirthDate = Senders.referral();
        ((ObjectNode) noBirthDate.get("personDemographics")).remove("dateOfBirth");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {
            "no Idempotency-Key", Senders.Post.linkway(Senders.referral()).withoutKey(), "LW-SND-004"
        });
        cases.add(new Object[] {"an NHS number with a wrong check digit", Senders.Post.linkway(badNhs), "LW-SND-003"});
        cases.add(new Object[] {
            "Linkway JSON sent as text/plain",
            Senders.Post.linkway(Senders.referral()).contentType("text/plain"),
            "LW-SND-006"
        });
        cases.add(new Object[] {
            "FHIR sent as application/json",
            Senders.Post.fhir(Senders.referral()).contentType("application/json"),
            "LW-SND-006"
        });
        cases.add(new Object[] {"no date of birth (mandatory)", Senders.Post.linkway(noBirthDate), "LW-SND-002"});
        return cases;
    }

    @ParameterizedTest(name = "{0} fails {2} only")
    @MethodSource("broken")
    void a_sender_broken_one_way_fails_exactly_that_requirement(String how, Senders.Post post, String requirement)
            throws Exception {
        brokenRun(post);
        JsonNode report = report();
        assertThat(report.path("exitCode").asInt()).isEqualTo(1);
        List<String> failed = new ArrayList<>();
        report.path("failedRequirements").forEach(n -> failed.add(n.asString()));
        assertThat(failed).as(how + ": " + report.path("results")).containsExactly(requirement);
    }

    @Test
    void a_sender_that_never_fetches_its_message_back_fails_lw_snd_008() throws Exception {
        int port = Senders.freePort();
        CompletableFuture<RunCommandTest.Result> kit = Senders.receive(args(port, "--wait", "3"));
        Senders.awaitListening(port);
        Senders.plainSender(port, TOKEN, Senders.Post.linkway(Senders.referral()), false);
        RunCommandTest.Result r = kit.get(2, TimeUnit.MINUTES);
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("failed requirements: LW-SND-008\n");
    }

    @Test
    void a_wrong_token_fails_lw_snd_007_and_no_sender_at_all_fails_every_test() throws Exception {
        Map<String, String> outcomes;
        int port = Senders.freePort();
        CompletableFuture<RunCommandTest.Result> kit = Senders.receive(args(port, "--no-message-back"));
        Senders.awaitListening(port);
        Senders.plainSender(port, "someone-else", Senders.Post.linkway(Senders.referral()), true);
        kit.get(2, TimeUnit.MINUTES);
        outcomes = outcomes(report());
        assertThat(outcomes).containsEntry("SR-07", "fail").containsEntry("SR-08", "skip");
        assertThat(outcomes.entrySet().stream().filter(e -> e.getValue().equals("fail")))
                .hasSize(1);

        int idle = Senders.freePort();
        RunCommandTest.Result none = Senders.receive(args(idle, "--wait", "1")).get(2, TimeUnit.MINUTES);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).contains("no referral arrived at http://127.0.0.1:" + idle);
    }

    @Test
    void set_up_errors_exit_2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RunCommandTest.Result r = RunCommandTest.run(args(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        RunCommandTest.Result wrongProfile =
                RunCommandTest.run("receive", "--port", "1", "--profile", "referral-receiver");
        assertThat(wrongProfile.code()).isEqualTo(2);
        assertThat(wrongProfile.err()).contains("referral-sender");
        RunCommandTest.Result runAsSender = RunCommandTest.run(
                "run", "--base-url", "http://127.0.0.1:9", "--profile", "referral-sender", "--token", "t");
        assertThat(runAsSender.code()).isEqualTo(2);
        assertThat(runAsSender.err()).contains("receive --port P --profile referral-sender");
    }

    private Map<String, String> brokenRun(Senders.Post post) throws Exception {
        int port = Senders.freePort();
        CompletableFuture<RunCommandTest.Result> kit = Senders.receive(args(port));
        Senders.awaitListening(port);
        Senders.plainSender(port, TOKEN, post, true);
        RunCommandTest.Result r = kit.get(2, TimeUnit.MINUTES);
        assertThat(r.code()).as(r.out() + r.err()).isIn(0, 1);
        return outcomes(report());
    }

    private String[] args(int port, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "receive",
                "--port",
                String.valueOf(port),
                "--profile",
                "referral-sender",
                "--token",
                TOKEN,
                "--report",
                reports.toString()));
        a.addAll(List.of(more));
        if (!a.contains("--wait")) {
            a.addAll(List.of("--wait", "60"));
        }
        return a.toArray(String[]::new);
    }

    private JsonNode report() throws IOException {
        return LinkwayJson.mapper().readTree(Files.readString(reports.resolve("linkway-conformance.json")));
    }

    private static Map<String, String> outcomes(JsonNode report) {
        Map<String, String> m = new LinkedHashMap<>();
        report.path("results")
                .forEach(t -> m.put(t.path("id").asString(), t.path("outcome").asString()));
        return m;
    }

    private static String[] srIds() {
        return new String[] {"SR-01", "SR-02", "SR-03", "SR-04", "SR-05", "SR-06", "SR-07", "SR-08"};
    }
}
