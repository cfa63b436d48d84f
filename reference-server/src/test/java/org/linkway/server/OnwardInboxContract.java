package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A charity's inbox, as the charity's own system uses it with nothing but its provider token: it
 * lists the onward referrals addressed to it a page at a time, filtered by state and by time,
 * reads one with the person's details the person consented to share with it (and no others),
 * sees nothing of another charity's, and reports back. A new consent decision with fewer details,
 * and then a withdrawal, take the details and then the onward referral out of what it can read.
 * Runs on SQLite and PostgreSQL: the inbox query is SQL.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class OnwardInboxContract {

    static final String LINK_WORKER = "8EC41";
    private static final AtomicInteger CHARITIES = new AtomicInteger(4100);

    /** The server's clock: a test moves it, so every change has a time of its own. */
    static final class SteppedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-02T09:00:00Z");

        Instant tick() {
            now = now.plus(1, ChronoUnit.MINUTES);
            return now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // the server reads instants only
        }
    }

    static SteppedClock clock;
    static LinkwayTestServer server;
    static ApiClient linkWorker;

    @BeforeAll
    static void start(LinkwayTestServer s) {
        server = s;
        linkWorker = new ApiClient(s.port(), s.token(Role.LINK_WORKER, LINK_WORKER));
    }

    /** A charity number no other test uses. */
    static String newCharity() {
        return "11" + CHARITIES.incrementAndGet();
    }

    ApiClient charity(String number) {
        return new ApiClient(server.port(), server.token(Role.PROVIDER, number));
    }

    @Test
    void a_charity_lists_its_inbox_reads_what_consent_allows_and_reports_back() {
        String mine = newCharity();
        String theirs = newCharity();
        String referral = refer();
        consent(referral, mine, List.of("name-and-contact", "communication-needs"));
        String other = refer();
        consent(other, null, List.of("what-matters")); // names no provider: covers any
        String first = onward(referral, mine);
        String second = onward(referral, mine);
        String theirsToo = onward(other, theirs);
        String secondMine = onward(other, mine);
        ApiClient me = charity(mine);

        // the whole inbox, one item a page: each once, oldest change first, nothing of the other charity's
        assertThat(ids(walk(me, "/v1/onward-referrals?limit=1"))).containsExactly(first, second, secondMine);
        assertThat(ids(walk(charity(theirs), "/v1/onward-referrals?limit=2"))).containsExactly(theirsToo);
        assertThat(charity(theirs).get("/v1/onward-referrals/" + first).status())
                .as("another charity's onward referral does not exist for it")
                .isEqualTo(404);

        // the charity accepts one: the state filter and the time filter follow
        Instant beforeAccepting = clock.tick();
        ApiClient.Answer read = me.get("/v1/onward-referrals/" + first);
        assertThat(me.postJson(
                                "/v1/onward-referrals/" + first + "/transitions",
                                "{\"to\":\"accepted\"}",
                                "If-Match",
                                read.header("ETag"))
                        .status())
                .isEqualTo(200);
        assertThat(ids(walk(me, "/v1/onward-referrals?status=accepted&limit=1")))
                .containsExactly(first);
        assertThat(ids(walk(me, "/v1/onward-referrals?status=sent&limit=1"))).containsExactly(second, secondMine);
        assertThat(ids(walk(me, "/v1/onward-referrals?status=sent&status=accepted")))
                .containsExactly(second, secondMine, first);
        assertThat(ids(walk(me, "/v1/onward-referrals?status=accepted,declined")))
                .containsExactly(first);
        assertThat(ids(walk(me, "/v1/onward-referrals?since=" + beforeAccepting)))
                .containsExactly(first);
        assertThat(ids(walk(me, "/v1/onward-referrals?since=" + clock.tick()))).isEmpty();

        // each item as the charity reads it alone: the person's name, contact details and communication
        // needs, as consented; not what matters to them or the risks, and nothing else of the record
        JsonNode alone = me.get("/v1/onward-referrals/" + first).json();
        JsonNode listed = item(walk(me, "/v1/onward-referrals?status=accepted"), first);
        assertThat(listed).isEqualTo(alone);
        assertThat(alone.at("/personName/familyNames/0").asString()).isEqualTo("Ashdown");
        assertThat(alone.at("/contactDetails/preferredContactMethod").asString())
                .isEqualTo("3");
        assertThat(alone.at("/contactDetails/telephoneNumbers/0/number").asString())
                .isEqualTo("01632 960417");
        assertThat(alone.at("/individualRequirements/reasonableAdjustment/entries"))
                .isNotEmpty();
        assertThat(alone.at("/aboutMe/howICommunicateAndHowToCommunicateWithMe").asString())
                .contains("hearing aid");
        assertThat(alone.has("risks")).isFalse();
        assertThat(alone.at("/aboutMe/whatIsMostImportantToMe").isMissingNode()).isTrue();
        assertThat(alone.has("personDemographics")).isFalse();
        assertThat(alone.toString()).doesNotContain("9992174439").doesNotContain("NR7 4QX");
        // the other referral's consent shares only what matters
        JsonNode onlyWhatMatters = me.get("/v1/onward-referrals/" + secondMine).json();
        assertThat(onlyWhatMatters.at("/aboutMe/whatIsMostImportantToMe").asString())
                .contains("own home");
        assertThat(onlyWhatMatters.has("personName")).isFalse();
        assertThat(onlyWhatMatters.has("contactDetails")).isFalse();
        assertThat(onlyWhatMatters.has("individualRequirements")).isFalse();

        // it reports back, and the link worker service reads it
        ApiClient.Answer reported = Journeys.feedback(
                me, first, "2026-11-09T12:00:00Z", "attended", "Came to the first walk and enjoyed it.");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(linkWorker
                        .get("/v1/onward-referrals/" + first)
                        .json()
                        .at("/feedback/0/text")
                        .asString())
                .contains("first walk");
        assertThat(item(walk(me, "/v1/onward-referrals?status=accepted"), first)
                        .at("/feedback/0/attendance")
                        .asString())
                .isEqualTo("attended");
    }

    @Test
    void fewer_details_then_a_withdrawal_take_them_out_of_what_the_charity_can_read() {
        String mine = newCharity();
        String referral = refer();
        consent(referral, mine, List.of("name-and-contact", "communication-needs", "what-matters", "visit-risks"));
        String onward = onward(referral, mine);
        ApiClient me = charity(mine);
        JsonNode all = me.get("/v1/onward-referrals/" + onward).json();
        assertThat(all.has("personName")).isTrue();
        assertThat(all.at("/risks/entries")).hasSize(2);
        assertThat(all.at("/aboutMe/whatIsMostImportantToMe").isMissingNode()).isFalse();

        // the person narrows what may be shared: the next read and the next listing carry less
        consent(referral, mine, List.of("what-matters"));
        JsonNode fewer = me.get("/v1/onward-referrals/" + onward).json();
        assertThat(fewer.has("personName")).isFalse();
        assertThat(fewer.has("contactDetails")).isFalse();
        assertThat(fewer.has("risks")).isFalse();
        assertThat(fewer.has("individualRequirements")).isFalse();
        assertThat(fewer.at("/aboutMe/whatIsMostImportantToMe").isMissingNode()).isFalse();
        assertThat(item(walk(me, "/v1/onward-referrals"), onward)).isEqualTo(fewer);

        // consent given with no details listed: the onward referral only, as before this change
        consent(referral, mine, null);
        JsonNode none = me.get("/v1/onward-referrals/" + onward).json();
        assertThat(none.has("aboutMe")).isFalse();
        assertThat(none.path("referral").isObject()).isTrue();

        // withdrawn: the next read is refused and the inbox no longer lists it
        clock.tick();
        ObjectNode withdrawal = (ObjectNode)
                LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
        withdrawal.remove("id");
        withdrawal.remove("referralId");
        assertThat(linkWorker
                        .postJson("/v1/referrals/" + referral + "/consents", withdrawal.toString())
                        .status())
                .isEqualTo(201);
        assertThat(me.get("/v1/onward-referrals/" + onward).status()).isEqualTo(404);
        assertThat(ids(walk(me, "/v1/onward-referrals"))).doesNotContain(onward);
        // the link worker service still holds it
        assertThat(ids(walk(linkWorker, "/v1/onward-referrals"))).contains(onward);
    }

    @Test
    void the_inbox_refuses_what_it_cannot_answer() {
        ApiClient me = charity(newCharity());
        ApiClient.Answer bad = me.get("/v1/onward-referrals?status=waiting");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).contains("status");
        ApiClient.Answer badSince = me.get("/v1/onward-referrals?since=yesterday");
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.json().path("detail").asString()).contains("since");
        assertThat(me.get("/v1/onward-referrals?cursor=nonsense").status()).isEqualTo(400);
        assertThat(new ApiClient(server.port(), server.token(Role.REFERRER, "Y03146"))
                        .get("/v1/onward-referrals")
                        .status())
                .isEqualTo(403);
        assertThat(new ApiClient(server.port(), server.token(Role.COMMISSIONER, "E54000022"))
                        .get("/v1/onward-referrals")
                        .status())
                .isEqualTo(403);
        assertThat(ids(walk(
                        new ApiClient(server.port(), server.token(Role.LINK_WORKER, "8EC49")), "/v1/onward-referrals")))
                .as("a link worker service that holds none of these referrals")
                .isEmpty();
    }

    // ---- the steps, as the link worker's and the charity's systems make them

    /** The full GP referral, addressed to the link worker service; its id. */
    static String refer() {
        clock.tick();
        ApiClient.Answer created =
                linkWorker.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Consent given to share with the onward provider {@code charity} (null: any), listing {@code shares}. */
    static void consent(String referral, String charity, List<String> shares) {
        clock.tick();
        ObjectNode c = (ObjectNode)
                LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
        c.remove("id");
        c.remove("referralId");
        if (charity == null) {
            c.remove("onwardProvider");
        } else {
            ((ObjectNode) c.get("onwardProvider")).put("charityNumber", charity);
        }
        if (shares != null) {
            ArrayNode a = c.putArray("shareWithProvider");
            shares.forEach(a::add);
        }
        ApiClient.Answer created = linkWorker.postJson("/v1/referrals/" + referral + "/consents", c.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** An onward referral to the charity; its id. */
    static String onward(String referral, String charity) {
        clock.tick();
        ObjectNode o = Journeys.tree(Journeys.onwardReferral("2026-11-02T08:00:00Z"));
        o.remove("id");
        o.remove("referralId");
        o.remove("status");
        ((ObjectNode) o.get("provider")).put("charityNumber", charity);
        ApiClient.Answer created = linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals", o.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Every item of a listing, following nextCursor to the end. */
    static List<JsonNode> walk(ApiClient as, String first) {
        List<JsonNode> out = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 1000; page++) {
            String path = next == null ? first : first + (first.contains("?") ? "&" : "?") + "cursor=" + next;
            ApiClient.Answer a = as.get(path);
            assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
            a.json().path("items").forEach(out::add);
            next = a.json().path("nextCursor").asString(null);
            if (next == null) {
                return out;
            }
        }
        throw new AssertionError("the listing did not end within 1000 pages: " + first);
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("id").asString()).toList();
    }

    static JsonNode item(List<JsonNode> items, String id) {
        return items.stream()
                .filter(i -> id.equals(i.path("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + id));
    }
}
