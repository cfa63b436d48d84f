package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consent as enforced against a model written here: random sequences of consent decisions (given,
 * withdrawn, refused, not sought on a lawful basis; for everyone, the onward provider, the referrer,
 * the GP practice; naming the provider by its ODS code, its charity number, both, neither, or
 * another organisation; some expired), some longer than 500, then what each party gets is compared
 * with what the model says: the provider's reads by either of its tokens, each role's event feed,
 * and the webhook deliveries of events written after the decisions to a subscription for each party
 * (and one naming no organisation, and one for an organisation that is no party). Subclasses run
 * it on SQLite and on a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
abstract class ConsentLedgerContract {

    static final String LINK_WORKER = "8EC41";
    static final String REFERRER = "R0370";
    static final String GP = "Y03146";
    static final String STRANGER = "R0999";
    /** One walking group, known by its ODS code and by its registered charity number. */
    static final String PROVIDER_ODS = "NWG42";

    static final String PROVIDER_CHARITY = "1187342";
    /** Another charity: decisions naming it never touch the walking group. */
    static final String OTHER_PROVIDER = "1187343";

    static final String[] DECISIONS = {"given", "withdrawn", "refused", "not-sought"};
    static final List<List<String>> SCOPES = List.of(
            List.of(),
            List.of("onward-provider"),
            List.of("referrer"),
            List.of("gp"),
            List.of("referrer", "gp", "onward-provider"),
            List.of("link-worker-service", "evaluation"));
    /** How a decision names the provider. */
    enum Named {
        NONE,
        ODS,
        CHARITY,
        BOTH,
        OTHER
    }

    /** How the onward referral names its provider. */
    enum OnwardNames {
        BOTH,
        CHARITY,
        ODS
    }

    record Decision(String decision, List<String> scope, Named named, boolean expired) {}

    record Journey(OnwardNames onward, List<Decision> decisions) {}

    /** Who may receive: a party to the referral, or not; for webhooks also a subscription naming no organisation. */
    enum Party {
        LINK_WORKER_SERVICE(Role.LINK_WORKER, LINK_WORKER),
        REFERRER_ORG(Role.REFERRER, REFERRER),
        GP_PRACTICE(Role.REFERRER, GP),
        STRANGER_ORG(Role.REFERRER, STRANGER),
        PROVIDER_BY_ODS(Role.PROVIDER, PROVIDER_ODS),
        PROVIDER_BY_CHARITY(Role.PROVIDER, PROVIDER_CHARITY),
        OTHER_CHARITY(Role.PROVIDER, OTHER_PROVIDER),
        UNNAMED(null, null);

        final Role role;
        final String organisation;

        Party(Role role, String organisation) {
            this.role = role;
            this.organisation = organisation;
        }
    }

    LinkwayTestServer running;
    ApiClient linkWorker;
    ApiClient admin;
    final Map<Party, WebhookReceiver> receivers = new LinkedHashMap<>();
    final Map<Party, String> subscriptions = new LinkedHashMap<>();
    final WebhookOutcomes settled = new WebhookOutcomes();

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).configure(c -> c.withWebhooks(WebhookContract.FAST));
    }

    /** How many random journeys of up to 30 decisions, and of more than 500. */
    abstract int shortJourneys();

    abstract int longJourneys();

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        admin = new ApiClient(running.port(), running.adminToken());
        linkWorker = admin.as(running.token(Role.LINK_WORKER, LINK_WORKER));
        for (Party p : Party.values()) {
            WebhookReceiver r = WebhookReceiver.start();
            receivers.put(p, r);
            String org = p.organisation == null ? "" : ",\"organisation\":\"" + p.organisation + "\"";
            ApiClient.Answer created = admin.postJson(
                    "/v1/subscriptions",
                    "{\"url\":\"" + r.url() + "\"" + org
                            + ",\"types\":[\"contact.recorded\",\"onward-referral.status-changed\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            subscriptions.put(p, created.json().path("id").asString());
        }
    }

    @AfterAll
    void stop() {
        receivers.values().forEach(WebhookReceiver::close);
    }

    @Test
    void short_sequences_of_decisions_are_enforced_as_the_model_says() {
        qt().withFixedSeed(18_002L)
                .withExamples(shortJourneys())
                .withShrinkCycles(0)
                .forAll(journeys(1, 30))
                .checkAssert(this::enforcedAsTheModelSays);
    }

    @Test
    void sequences_longer_than_a_page_are_enforced_as_the_model_says() {
        qt().withFixedSeed(18_500L)
                .withExamples(longJourneys())
                .withShrinkCycles(0)
                .forAll(seededJourneys(501, 530))
                .checkAssert(this::enforcedAsTheModelSays);
    }

    /** The attack: 500 consents given, then a withdrawal of everything as the 501st decision. */
    @Test
    void a_withdrawal_after_the_five_hundredth_decision_counts() {
        List<Decision> decisions =
                new ArrayList<>(Collections.nCopies(500, new Decision("given", SCOPES.get(4), Named.CHARITY, false)));
        decisions.add(new Decision("withdrawn", List.of(), Named.NONE, false));
        enforcedAsTheModelSays(new Journey(OnwardNames.BOTH, decisions));
    }

    /** The attack: consent given naming the charity number, withdrawn naming the ODS code; both tokens are refused. */
    @Test
    void a_withdrawal_naming_the_provider_by_one_identifier_covers_its_tokens_by_every_other() {
        enforcedAsTheModelSays(new Journey(
                OnwardNames.BOTH,
                List.of(
                        new Decision("given", SCOPES.get(1), Named.CHARITY, false),
                        new Decision("withdrawn", SCOPES.get(1), Named.ODS, false))));
        enforcedAsTheModelSays(new Journey(
                OnwardNames.CHARITY,
                List.of(
                        new Decision("given", SCOPES.get(4), Named.BOTH, false),
                        new Decision("withdrawn", SCOPES.get(1), Named.ODS, false))));
    }

    void enforcedAsTheModelSays(Journey journey) {
        ConsentModel model = new ConsentModel(journey);
        String referral = refer();
        String onward = onwardReferral(referral, journey.onward());
        List<Decision> decisions = journey.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            ApiClient.Answer a =
                    linkWorker.postJson("/v1/referrals/" + referral + "/consents", consent(decisions.get(i)));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            if (i >= decisions.size() - 40) {
                // the last decisions one by one: each must take effect on the next read, the 501st too
                readsAsTheModelSays(
                        new ConsentModel(new Journey(journey.onward(), decisions.subList(0, i + 1))),
                        referral,
                        onward,
                        "after decision " + (i + 1) + " " + decisions.get(i));
            }
        }
        // events written after the decisions, whose deliveries are judged against the settled state
        ApiClient.Answer contact = linkWorker.postJson(
                "/v1/referrals/" + referral + "/contacts",
                Journeys.contact("made-contact", "2026-03-04T10:00:00Z", "A first call"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        Journeys.moveOnward(linkWorker, onward, 1, "accepted");
        List<JsonNode> events = new ArrayList<>();
        admin.get("/v1/referrals/" + referral + "/events").json().path("items").forEach(events::add);
        String what = journey.onward() + " " + journey.decisions().size() + " decisions, last "
                + journey.decisions().get(journey.decisions().size() - 1);

        readsAsTheModelSays(model, referral, onward, what);
        long from = events.get(0).path("sequence").asLong() - 1;
        for (Party p : Party.values()) {
            if (p == Party.UNNAMED) {
                continue;
            }
            List<String> expected = events.stream()
                    .filter(e -> model.receives(p, e.path("resourceType").asString()))
                    .map(e -> e.path("id").asString())
                    .toList();
            assertThat(feed(as(p), from, referral)).as(p + "'s feed: " + what).containsExactlyElementsOf(expected);
        }
        for (JsonNode e : events.subList(events.size() - 2, events.size())) {
            for (Party p : Party.values()) {
                boolean delivered = settled.delivered(this, p, e.path("id").asString());
                assertThat(delivered)
                        .as(p + "'s webhook for " + e.path("type").asString() + ": " + what)
                        .isEqualTo(model.receives(p, e.path("resourceType").asString()));
            }
        }
    }

    /** The provider's reads by each token, and the referrer's read of the referral's events. */
    private void readsAsTheModelSays(ConsentModel model, String referral, String onward, String what) {
        for (Party p : List.of(Party.PROVIDER_BY_ODS, Party.PROVIDER_BY_CHARITY, Party.OTHER_CHARITY)) {
            int status = as(p).get("/v1/onward-referrals/" + onward).status();
            assertThat(status)
                    .as(p + " reads the onward referral: " + what)
                    .isEqualTo(model.provider(p) && model.providerCovered() ? 200 : 404);
        }
        JsonNode events = as(Party.REFERRER_ORG)
                .get("/v1/referrals/" + referral + "/events")
                .json();
        assertThat(events.path("items").isEmpty())
                .as("the referrer reads the referral's events: " + what)
                .isEqualTo(!model.covered("referrer"));
    }

    // --- the journey over HTTP ------------------------------------------------------------------

    private String refer() {
        ObjectNode doc = Journeys.tree(ReferralApiContract.example(ReferralApiContract.FULL));
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", REFERRER);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referralTo/organisation")).put("code", LINK_WORKER);
        ((ObjectNode) doc.at("/gpPractice/entries/0")).put("gpPracticeIdentifier", GP);
        ApiClient.Answer created = linkWorker.postJson("/v1/referrals", doc.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        new Journeys(linkWorker).move(id, 1, "accepted", null, null);
        return id;
    }

    private String onwardReferral(String referral, OnwardNames names) {
        ObjectNode o = Journeys.tree(Journeys.onwardReferral("2026-03-06"));
        ObjectNode provider = (ObjectNode) o.get("provider");
        name(
                provider,
                names == OnwardNames.CHARITY ? Named.CHARITY : names == OnwardNames.ODS ? Named.ODS : Named.BOTH);
        ApiClient.Answer created = linkWorker.postJson("/v1/referrals/" + referral + "/onward-referrals", o.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String consent(Decision d) {
        ObjectNode c = Journeys.tree(ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
        c.remove("id");
        c.remove("referralId");
        c.put("decision", d.decision());
        if (d.decision().equals("not-sought")) {
            c.put("lawfulBasis", "direct-care");
            c.put("notSoughtReason", "Shared for the person's direct care while they were unwell");
        }
        if (d.scope().isEmpty()) {
            c.remove("scope");
        } else {
            ArrayNode scope = c.putArray("scope");
            d.scope().forEach(scope::add);
        }
        if (d.named() == Named.NONE) {
            c.remove("onwardProvider");
        } else {
            name((ObjectNode) c.get("onwardProvider"), d.named());
        }
        c.put("expiresAt", d.expired() ? "2026-06-01" : "2099-12-31");
        return c.toString();
    }

    private static void name(ObjectNode party, Named named) {
        ObjectNode organisation = (ObjectNode) party.get("organisation");
        organisation.remove("code");
        party.remove("charityNumber");
        switch (named) {
            case ODS -> organisation.put("code", PROVIDER_ODS);
            case CHARITY -> party.put("charityNumber", PROVIDER_CHARITY);
            case BOTH -> {
                organisation.put("code", PROVIDER_ODS);
                party.put("charityNumber", PROVIDER_CHARITY);
            }
            case OTHER -> party.put("charityNumber", OTHER_PROVIDER);
            case NONE -> {}
        }
    }

    ApiClient as(Party p) {
        return admin.as(running.token(p.role, p.organisation));
    }

    /** The referral's events in a party's feed, followed from just before them to where the feed stops moving. */
    private static List<String> feed(ApiClient as, long after, String referral) {
        List<String> out = new ArrayList<>();
        long position = after;
        while (true) {
            ApiClient.Answer a = as.get("/v1/events?after=" + position + "&limit=1000");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            JsonNode doc = a.json();
            for (JsonNode e : doc.path("items")) {
                if (e.path("referralId").asString().equals(referral)) {
                    out.add(e.path("id").asString());
                }
            }
            long next = doc.path("next").asLong();
            if (doc.path("items").isEmpty() && next == position) {
                return out;
            }
            position = next;
        }
    }

    static Gen<Journey> journeys(int fewest, int most) {
        Gen<Decision> decision = integers().between(0, 4 * 6 * 5 * 4 - 1).map(ConsentLedgerContract::decision);
        return integers()
                .between(0, 2)
                .zip(
                        lists().of(decision).ofSizeBetween(fewest, most),
                        (o, ds) -> new Journey(OnwardNames.values()[o], ds));
    }

    /**
     * Long journeys from a generated seed: a list generator's first examples are its boundary
     * values (every decision alike), which say little about the 501st decision; a seeded sequence
     * is as varied at its end as at its start.
     */
    static Gen<Journey> seededJourneys(int fewest, int most) {
        return longs().all().map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int size = fewest + random.nextInt(most - fewest + 1);
            List<Decision> ds = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ds.add(decision(random.nextInt(4 * 6 * 5 * 4)));
            }
            return new Journey(OnwardNames.values()[random.nextInt(3)], ds);
        });
    }

    private static Decision decision(int n) {
        return new Decision(DECISIONS[n % 4], SCOPES.get(n / 4 % 6), Named.values()[n / 24 % 5], n / 120 % 4 == 0);
    }
}
