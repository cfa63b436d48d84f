package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.validation.checks.NhsNumber;
import tools.jackson.databind.JsonNode;

/**
 * Caseload and appointments on PostgreSQL (embedded): the caseload's keyset pages, reassignment,
 * the lead's counts, the person's episodes and the {@code referral.episode-linked} event, and the
 * calendar feed that follows a reassigned referral (the V17 index's join), each through the API
 * with the link workers' own tokens.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresCaseloadAppointmentsTest {

    private static final String SERVICE = "8EC41";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.postgres();

    private static ApiClient worker(String subject, boolean lead) {
        return new ApiClient(server.port(), server.token(Role.LINK_WORKER, SERVICE, subject, lead));
    }

    private static String nhsNumber() {
        while (true) {
            try {
                return NhsNumber.withCheckDigit(String.format("999%06d", 850_000 + PEOPLE.incrementAndGet()));
            } catch (IllegalArgumentException impossible) {
                // no check digit for this prefix: the next one
            }
        }
    }

    private static String send(ApiClient as, String nhs) {
        ApiClient.Answer a = as.postJson(
                "/v1/referrals", CaseloadTest.referral(nhs, "Y03146", SERVICE).toString());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asString();
    }

    private static void assign(ApiClient as, String referralId, String linkWorker) {
        ApiClient.Answer a = as.put(
                "/v1/referrals/" + referralId + "/assignment",
                "{\"linkWorker\":\"" + linkWorker + "\"}",
                "If-None-Match",
                "*");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    private static void reassign(ApiClient as, String referralId, String linkWorker) {
        ApiClient.Answer current = as.get("/v1/referrals/" + referralId + "/assignment");
        ApiClient.Answer a = as.put(
                "/v1/referrals/" + referralId + "/assignment",
                "{\"linkWorker\":\"" + linkWorker + "\",\"reason\":\"Caseloads rebalanced\"}",
                "If-Match",
                current.header("ETag"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private static List<String> caseload(ApiClient as, int limit) {
        List<String> out = new ArrayList<>();
        String path = "/v1/caseload?limit=" + limit;
        while (path != null) {
            JsonNode page = as.get(path).json();
            page.path("items").forEach(i -> out.add(i.path("id").asString()));
            String cursor = page.path("nextCursor").asString(null);
            path = cursor == null ? null : "/v1/caseload?limit=" + limit + "&cursor=" + cursor;
        }
        return out;
    }

    private static String calendar(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + "\n" + r.body();
    }

    @Test
    void caseload_pages_and_counts_follow_assignments() {
        ApiClient ida = worker("ida@eastmere", false);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = send(ida, nhsNumber());
            assign(ida, id, "ida@eastmere");
            held.add(id);
        }
        assertThat(caseload(ida, 2)).containsExactlyElementsOf(held);

        reassign(ida, held.get(0), "jo@eastmere");
        assertThat(caseload(ida, 2)).containsExactlyElementsOf(held.subList(1, 5));
        assertThat(caseload(worker("jo@eastmere", false), 10)).containsExactly(held.get(0));
        JsonNode summary =
                worker("kay@eastmere", true).get("/v1/caseload/summary").json();
        assertThat(summary.toString())
                .contains("{\"linkWorker\":\"ida@eastmere\",\"openReferrals\":4}")
                .contains("{\"linkWorker\":\"jo@eastmere\",\"openReferrals\":1}");
    }

    @Test
    void a_referral_after_a_closed_one_is_linked_to_it_as_an_earlier_episode() {
        ApiClient service = worker("lin@eastmere", false);
        String nhs = nhsNumber();
        String earlier = send(service, nhs);
        assertThat(service.postJson(
                                "/v1/referrals/" + earlier + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"Moved away\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        String later = send(service, nhs);
        List<String> types = new ArrayList<>();
        JsonNode linked = null;
        for (JsonNode e :
                service.get("/v1/referrals/" + later + "/events").json().path("items")) {
            types.add(e.path("type").asString());
            if (e.path("type").asString().equals("referral.episode-linked")) {
                linked = e;
            }
        }
        assertThat(types).containsOnlyOnce("referral.episode-linked").doesNotContain("referral.possible-duplicate");
        assertThat(linked.path("data").path("earlierEpisodes").toString()).contains(earlier);
        assertThat(service.get("/v1/referrals/" + later + "/episodes")
                        .json()
                        .at("/items/0/id")
                        .asString())
                .isEqualTo(earlier);
    }

    @Test
    void appointments_follow_their_referral_into_the_new_link_workers_calendar() throws Exception {
        ApiClient max = worker("max@eastmere", false);
        ApiClient ned = worker("ned@eastmere", false);
        String referral = send(max, nhsNumber());
        assign(max, referral, "max@eastmere");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        ApiClient.Answer booked = max.postJson(
                "/v1/referrals/" + referral + "/appointments",
                "{\"start\":\"" + start + "\",\"durationMinutes\":30,\"method\":\"telephone\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String uid = "UID:" + booked.json().path("id").asString() + "@appointments.linkway";
        Instant past = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        ApiClient.Answer held = max.postJson(
                "/v1/referrals/" + referral + "/appointments",
                "{\"start\":\"" + past + "\",\"durationMinutes\":30,\"method\":\"video\"}");
        ApiClient.Answer attended =
                max.postJson(held.header("Location") + "/transitions", "{\"to\":\"attended\"}", "If-Match", "\"1\"");
        assertThat(attended.status()).as(attended.body()).isEqualTo(200);

        String maxFeed = max.post("/v1/calendar-feeds", null).json().path("url").asString();
        String nedFeed = ned.post("/v1/calendar-feeds", null).json().path("url").asString();
        assertThat(calendar(maxFeed)).startsWith("200").contains(uid);
        assertThat(calendar(nedFeed)).startsWith("200").doesNotContain(uid);

        reassign(max, referral, "ned@eastmere");
        assertThat(calendar(nedFeed)).startsWith("200").contains(uid);
        assertThat(calendar(maxFeed)).startsWith("200").doesNotContain(uid);
    }
}
