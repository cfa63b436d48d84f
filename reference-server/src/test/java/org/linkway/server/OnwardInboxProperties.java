package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox filter as a property: for random sets of onward referrals across charities, referrals
 * with different consent, states and times, each charity's listing (any page size, any state
 * filter, any {@code since}) is exactly the set computed from what was sent, in order of last
 * change, across pages, with no item twice and none missing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OnwardInboxProperties {

    static final OnwardInboxContract.SteppedClock clock = new OnwardInboxContract.SteppedClock();

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite().clock(clock);

    private static final AtomicInteger CHARITIES = new AtomicInteger(5100);
    private static final List<String> STATES =
            List.of("sent", "accepted", "declined", "attended", "did-not-attend", "completed");
    private static final Map<String, List<String>> PATHS = Map.of(
            "sent", List.of(),
            "accepted", List.of("accepted"),
            "declined", List.of("declined"),
            "attended", List.of("accepted", "attended"),
            "did-not-attend", List.of("accepted", "did-not-attend"),
            "completed", List.of("accepted", "attended", "completed"));

    static ApiClient linkWorker;

    @BeforeAll
    static void clients() {
        linkWorker = new ApiClient(server.port(), server.token(Role.LINK_WORKER, OnwardInboxContract.LINK_WORKER));
    }

    /** What a referral's consent decisions say about onward providers. */
    enum Consent {
        NONE,
        ANY_PROVIDER,
        FIRST_CHARITY_ONLY,
        WITHDRAWN
    }

    record Onward(String id, String charity, String status, Instant changed, boolean covered) {}

    @Test
    void each_charity_lists_exactly_its_covered_onward_referrals_with_no_duplicates_or_gaps() {
        qt().withFixedSeed(20261205L)
                .withExamples(12)
                .forAll(
                        lists().of(integers().between(0, 3)).ofSize(3),
                        lists().of(integers().between(0, 3 * 3 * 6 - 1)).ofSizeBetween(1, 9),
                        lists().of(integers().between(0, 5)).ofSizeBetween(0, 3),
                        integers().between(0, 4 * 21 - 1))
                .checkAssert((consents, specs, statusPick, pageAndSince) -> {
                    int limit = 1 + pageAndSince % 4;
                    int sincePick = pageAndSince / 4;
                    List<String> charities = List.of(newCharity(), newCharity(), newCharity());
                    List<String> referrals = new ArrayList<>();
                    List<Consent> decided = new ArrayList<>();
                    for (int c : consents) {
                        Consent consent = Consent.values()[c];
                        referrals.add(refer(consent, charities.get(0)));
                        decided.add(consent);
                    }
                    List<Onward> sent = new ArrayList<>();
                    List<Instant> times = new ArrayList<>();
                    for (int spec : specs) {
                        int r = spec % 3;
                        String charity = charities.get((spec / 3) % 3);
                        String target = STATES.get(spec / 9);
                        String id = onward(referrals.get(r), charity);
                        Instant at = clock.instant(); // the time it was stored at: only ticks move the clock
                        sent.add(new Onward(id, charity, target, at, covers(decided.get(r), charity, charities)));
                        times.add(at);
                    }
                    // the providers' systems move them on later, one change a minute
                    for (int i = 0; i < sent.size(); i++) {
                        Onward o = sent.get(i);
                        long version = 1;
                        Instant last = o.changed();
                        for (String to : PATHS.get(o.status())) {
                            last = clock.tick();
                            version = Journeys.moveOnward(linkWorker, o.id(), version, to);
                            times.add(last);
                        }
                        sent.set(i, new Onward(o.id(), o.charity(), o.status(), last, o.covered()));
                    }
                    Set<String> statuses = new HashSet<>();
                    statusPick.forEach(s -> statuses.add(STATES.get(s)));
                    Instant since = times.get(sincePick % times.size());
                    for (String charity : charities) {
                        ApiClient as = new ApiClient(server.port(), server.token(Role.PROVIDER, charity));
                        String query = "/v1/onward-referrals?limit=" + limit
                                + statuses.stream()
                                        .sorted()
                                        .map(s -> "&status=" + s)
                                        .reduce("", String::concat);
                        assertThat(ids(as, query))
                                .as("charity %s, %s", charity, query)
                                .containsExactlyElementsOf(expected(sent, charity, statuses, null));
                        assertThat(ids(as, query + "&since=" + since))
                                .as("charity %s, %s since %s", charity, query, since)
                                .containsExactlyElementsOf(expected(sent, charity, statuses, since));
                    }
                });
    }

    /** The listing computed directly from what was sent: the charity's, covered, in its states, by last change. */
    static List<String> expected(List<Onward> sent, String charity, Set<String> statuses, Instant since) {
        return sent.stream()
                .filter(o -> o.charity().equals(charity) && o.covered())
                .filter(o -> statuses.isEmpty() || statuses.contains(o.status()))
                .filter(o -> since == null || !o.changed().isBefore(since))
                .sorted(Comparator.comparing(Onward::changed))
                .map(Onward::id)
                .toList();
    }

    static boolean covers(Consent consent, String charity, List<String> charities) {
        return switch (consent) {
            case NONE, WITHDRAWN -> false;
            case ANY_PROVIDER -> true;
            case FIRST_CHARITY_ONLY -> charity.equals(charities.get(0));
        };
    }

    /** Every id of the listing, following nextCursor; each page at most its limit, no id twice. */
    static List<String> ids(ApiClient as, String first) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = null;
        for (int page = 0; page < 200; page++) {
            String path = next == null ? first : first + "&cursor=" + next;
            ApiClient.Answer a = as.get(path);
            assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
            for (JsonNode item : a.json().path("items")) {
                String id = item.path("id").asString();
                assertThat(seen.add(id)).as("listed twice: " + id).isTrue();
                out.add(id);
            }
            next = a.json().path("nextCursor").asString(null);
            if (next == null) {
                return out;
            }
        }
        throw new AssertionError("the listing did not end within 200 pages: " + first);
    }

    static String newCharity() {
        return "12" + CHARITIES.incrementAndGet();
    }

    static String refer(Consent consent, String firstCharity) {
        clock.tick();
        ApiClient.Answer created =
                linkWorker.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        if (consent == Consent.NONE) {
            return id;
        }
        ObjectNode c = (ObjectNode)
                LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
        c.remove("id");
        c.remove("referralId");
        if (consent == Consent.FIRST_CHARITY_ONLY) {
            ((ObjectNode) c.get("onwardProvider")).put("charityNumber", firstCharity);
        } else {
            c.remove("onwardProvider");
        }
        post("/v1/referrals/" + id + "/consents", c.toString());
        if (consent == Consent.WITHDRAWN) {
            ObjectNode w = (ObjectNode)
                    LinkwayJson.mapper().readTree(ReferralApiContract.example("valid/consent--withdrawn.json"));
            w.remove("id");
            w.remove("referralId");
            post("/v1/referrals/" + id + "/consents", w.toString());
        }
        return id;
    }

    static String onward(String referral, String charity) {
        ObjectNode o = Journeys.tree(Journeys.onwardReferral("2026-11-02T08:00:00Z"));
        o.remove("id");
        o.remove("referralId");
        o.remove("status");
        ((ObjectNode) o.get("provider")).put("charityNumber", charity);
        return post("/v1/referrals/" + referral + "/onward-referrals", o.toString())
                .path("id")
                .asString();
    }

    private static JsonNode post(String path, String body) {
        clock.tick();
        ApiClient.Answer a = linkWorker.postJson(path, body);
        assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(201);
        return a.json();
    }
}
