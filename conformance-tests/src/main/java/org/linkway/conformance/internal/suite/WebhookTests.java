package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.EVENTS;
import static org.linkway.conformance.internal.TestCase.shall;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.linkway.conformance.internal.CheckFailed;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import org.linkway.conformance.internal.WebhookReceiver;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks: the kit subscribes its own receiver on 127.0.0.1 and checks what arrives against the
 * Standard Webhooks rules and against the pulled log. Waits are bounded by --webhook-timeout.
 */
final class WebhookTests {

    private WebhookTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "EV-03",
                        EVENTS,
                        "A subscription is created with a whsec_ secret shown once, read, listed and deleted",
                        List.of("LW-EVT-003"),
                        WebhookTests::lifecycle),
                shall(
                        "EV-04",
                        EVENTS,
                        "A bad subscription is refused with 400, 415 or 422 naming each field",
                        List.of("LW-EVT-004"),
                        WebhookTests::refused),
                shall(
                        "EV-05",
                        EVENTS,
                        "Every event is delivered signed per Standard Webhooks, as pulled, in order per referral, "
                                + "each change once",
                        List.of("LW-EVT-005", "LW-EVT-006", "LW-EVT-007", "LW-EVT-012"),
                        WebhookTests::delivered),
                shall(
                        "EV-06",
                        EVENTS,
                        "A refused delivery is retried with the same webhook-id and body",
                        List.of("LW-EVT-008"),
                        WebhookTests::retried));
    }

    static Http.Answer subscribe(Ctx ctx, String body) {
        return ctx.http().postJson("/v1/subscriptions", body);
    }

    static void lifecycle(Ctx ctx) {
        Http.Answer created = ctx.expect(
                subscribe(ctx, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"referral.received\"]}"), 201);
        JsonNode s = created.json();
        String id = s.path("id").asString("");
        ctx.check(
                created.header("Location") != null && created.header("Location").endsWith("/v1/subscriptions/" + id),
                "%s: Location is %s",
                created.describe(),
                created.header("Location"));
        ctx.check(s.path("secret").asString("").startsWith("whsec_"), "%s: no whsec_ secret", created.describe());
        Http.Answer read = ctx.expect(ctx.http().get("/v1/subscriptions/" + id), 200);
        ctx.check(!read.json().has("secret"), "%s shows the secret again", read.describe());
        Http.Answer list = ctx.expect(ctx.http().get("/v1/subscriptions"), 200);
        ctx.check(
                list.json().path("items").findValuesAsString("id").contains(id),
                "%s does not list %s",
                list.describe(),
                id);
        ctx.expect(ctx.http().delete("/v1/subscriptions/" + id), 204);
        ctx.expect(ctx.http().get("/v1/subscriptions/" + id), 404);
        ctx.expect(ctx.http().delete("/v1/subscriptions/" + id), 404);
    }

    static void refused(Ctx ctx) {
        ctx.expect(subscribe(ctx, "{\"url\":"), 400);
        ctx.expect(
                ctx.http()
                        .post(
                                "/v1/subscriptions",
                                "{\"url\":\"http://127.0.0.1:9/hook\"}",
                                "Content-Type",
                                "text/plain"),
                415);
        Http.Answer bad = subscribe(ctx, "{\"url\":\"ftp://127.0.0.1/x\",\"types\":[\"Referral\"],\"after\":-1}");
        JsonNode problem = ctx.expectProblem(bad, 422);
        Set<String> pointers = new HashSet<>(problem.path("findings").findValuesAsString("pointer"));
        ctx.check(
                pointers.containsAll(Set.of("/url", "/types/0", "/after")),
                "%s names %s, not /url, /types/0 and /after",
                bad.describe(),
                pointers);
    }

    static void delivered(Ctx ctx) {
        try (WebhookReceiver receiver = WebhookReceiver.start(ctx.config().webhookHost())) {
            JsonNode sub = ctx.expect(subscribe(ctx, "{\"url\":\"" + receiver.url() + "\"}"), 201)
                    .json();
            try {
                List<String> referrals = List.of(
                        idOf(LifecycleTests.reach(ctx, "accepted")), idOf(LifecycleTests.reach(ctx, "in-progress")));
                Map<String, JsonNode> pulled = pulled(ctx, referrals);
                eventually(
                        ctx,
                        "every event of the kit's referrals delivered",
                        () -> delivered(receiver).keySet().containsAll(pulled.keySet()));
                String secret = sub.path("secret").asString("");
                Map<String, Long> lastSeq = new HashMap<>();
                for (WebhookReceiver.Delivery d : receiver.accepted()) {
                    ctx.check(
                            WebhookReceiver.signatureValid(secret, d),
                            "delivery %s: webhook-signature '%s' does not verify",
                            d.header("webhook-id"),
                            d.header("webhook-signature"));
                    long ts = parseLong(d.header("webhook-timestamp"));
                    ctx.check(
                            Math.abs(Instant.now().getEpochSecond() - ts) <= 300,
                            "delivery %s: webhook-timestamp %s is more than 5 minutes off",
                            d.header("webhook-id"),
                            d.header("webhook-timestamp"));
                    JsonNode event = LinkwayJson.mapper().readTree(d.body());
                    ctx.check(
                            "LW-EVT-006",
                            event.path("id").asString("").equals(d.header("webhook-id")),
                            "delivery %s: webhook-id is not the event id %s",
                            d.header("webhook-id"),
                            event.path("id").asString(""));
                    JsonNode original = pulled.get(d.header("webhook-id"));
                    if (original != null) {
                        ctx.check(
                                "LW-EVT-006",
                                original.equals(event),
                                "event %s pushed differs from pulled:%n  pushed %s%n  pulled %s",
                                d.header("webhook-id"),
                                event,
                                original);
                        Long before = lastSeq.put(
                                event.path("referralId").asString(""),
                                event.path("sequence").asLong());
                        ctx.check(
                                "LW-EVT-007",
                                before == null
                                        || before <= event.path("sequence").asLong(),
                                "referral %s: event %d delivered after %d",
                                event.path("referralId").asString(""),
                                event.path("sequence").asLong(),
                                before);
                    }
                }
                once(ctx, receiver, referrals);
            } finally {
                ctx.delivered(receiver);
                ctx.http().delete("/v1/subscriptions/" + sub.path("id").asString(""));
            }
        }
    }

    static void retried(Ctx ctx) {
        try (WebhookReceiver receiver = WebhookReceiver.start(ctx.config().webhookHost())) {
            receiver.refuseNext(1);
            JsonNode sub = ctx.expect(subscribe(ctx, "{\"url\":\"" + receiver.url() + "\"}"), 201)
                    .json();
            try {
                Map<String, JsonNode> pulled = pulled(ctx, List.of(idOf(LifecycleTests.reach(ctx, "received"))));
                eventually(
                        ctx,
                        "the refused event delivered again",
                        () -> delivered(receiver).keySet().containsAll(pulled.keySet()));
                WebhookReceiver.Delivery refused = receiver.deliveries().get(0);
                ctx.check(refused.answeredWith() == 503, "the first delivery was not the refused one");
                WebhookReceiver.Delivery retry = receiver.accepted().stream()
                        .filter(d -> refused.header("webhook-id").equals(d.header("webhook-id")))
                        .findFirst()
                        .orElseThrow(() -> new CheckFailed(
                                "event " + refused.header("webhook-id") + " was refused and never delivered again"));
                ctx.check(
                        Arrays.equals(refused.body(), retry.body()),
                        "the retry of %s has a different body",
                        retry.header("webhook-id"));
            } finally {
                ctx.delivered(receiver);
                ctx.http().delete("/v1/subscriptions/" + sub.path("id").asString(""));
            }
        }
    }

    /**
     * LW-EVT-012: each change is pushed once, under the id the feed gives it; a change pushed again
     * under a new id would be filed twice by a subscriber that de-duplicates by webhook-id.
     */
    private static void once(Ctx ctx, WebhookReceiver receiver, List<String> referrals) {
        ctx.requirement("LW-EVT-012", () -> {
            List<JsonNode> events = receiver.accepted().stream()
                    .map(d -> LinkwayJson.mapper().readTree(d.body()))
                    .toList();
            List<String> duplicated = PushedEvents.sameChangeUnderNewIds(events);
            ctx.check(duplicated.isEmpty(), "%s", String.join("\n", duplicated));
            // read again: any event written since the first read is in the feed by now
            Set<String> feed = pulled(ctx, referrals).keySet();
            List<String> unknown = PushedEvents.unknownIds(events, Set.copyOf(referrals), feed);
            ctx.check(unknown.isEmpty(), "%s", String.join("\n", unknown));
        });
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new CheckFailed("webhook-timestamp '" + s + "' is not unix seconds");
        }
    }

    private static Map<String, JsonNode> pulled(Ctx ctx, List<String> referrals) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String r : referrals) {
            for (JsonNode e : ctx.expect(ctx.http().get("/v1/referrals/" + r + "/events"), 200)
                    .json()
                    .path("items")) {
                byId.put(e.path("id").asString(""), e);
            }
        }
        return byId;
    }

    private static Map<String, JsonNode> delivered(WebhookReceiver receiver) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (WebhookReceiver.Delivery d : receiver.accepted()) {
            byId.put(d.header("webhook-id"), LinkwayJson.mapper().readTree(d.body()));
        }
        return byId;
    }

    /** Polls until true or the run's webhook timeout passes (then the test fails saying what never happened). */
    static void eventually(Ctx ctx, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ctx.config().webhookTimeout().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new CheckFailed(
                        "not seen within " + ctx.config().webhookTimeout().toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckFailed("interrupted waiting for: " + what);
            }
        }
    }
}
