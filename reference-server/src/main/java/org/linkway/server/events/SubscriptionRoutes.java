package org.linkway.server.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import org.linkway.server.http.Answer;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Json;
import org.linkway.server.http.KnownMembers;
import org.linkway.server.storage.DeliveryStats;
import org.linkway.server.storage.NewSubscription;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.Subscription;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/subscriptions}: who wants events pushed, where, and how their deliveries stand. */
public final class SubscriptionRoutes {

    private static final Set<String> FIELDS = Set.of("url", "types", "referrerOrg", "after", "organisation");
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z][a-z-]*\\.[a-z][a-z-]*$");
    private static final Pattern ORG_CODE = Pattern.compile("^[A-Za-z0-9]{1,20}$");
    private static final int MAX_URL = 2048;
    private static final int MAX_TYPES = 50;

    private final Store store;
    private final Idempotency idempotency;
    private final boolean dev;
    private Function<String, Optional<Map<String, Object>>> receivers = id -> Optional.empty();

    public SubscriptionRoutes(Store store, boolean dev) {
        this.store = store;
        this.idempotency = new Idempotency(store);
        this.dev = dev;
    }

    /** Where {@code GET /v1/subscriptions/{id}} reads how the dispatcher sees the receiver (its circuit). */
    public void receivers(Function<String, Optional<Map<String, Object>>> receivers) {
        this.receivers = receivers;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/subscriptions", this::create);
        routes.get("/v1/subscriptions", this::list);
        routes.get("/v1/subscriptions/{id}", this::get);
        routes.delete("/v1/subscriptions/{id}", this::delete);
    }

    /** A retry with the same Idempotency-Key answers the same subscription, secret included, rather than a second one. */
    void create(Context ctx) {
        idempotency.create(ctx, () -> {
            Request r = parse(Json.objectBody(ctx));
            String id = UUID.randomUUID().toString();
            String secret = WebhookSignature.newSecret();
            return tx -> {
                Subscription s = tx.webhooks()
                        .createSubscription(NewSubscription.withId(id)
                                .url(r.url())
                                .types(r.types())
                                .referrerOrg(r.referrerOrg())
                                .secret(secret)
                                .after(r.after())
                                .organisation(r.organisation()));
                ObjectNode doc = describe(s);
                doc.put("secret", s.secret());
                // a subscription is never changed, only deleted, so it has no versions to tag
                return new Answer(201, Json.write(doc), "/v1/subscriptions/" + id, null, false);
            };
        });
    }

    void list(Context ctx) {
        List<Subscription> all = store.transaction(tx -> tx.webhooks().subscriptions());
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ArrayNode items = doc.putArray("items");
        all.forEach(s -> items.add(describe(s)));
        doc.putNull("nextCursor");
        Json.respond(ctx, 200, doc);
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode doc = store.transaction(tx -> tx.webhooks().subscription(id).map(s -> {
                    ObjectNode d = describe(s);
                    ObjectNode delivery = stats(tx.webhooks().stats(id));
                    receivers.apply(id).ifPresent(r -> delivery.set("receiver", Json.MAPPER.valueToTree(r)));
                    d.set("delivery", delivery);
                    return d;
                }))
                .orElseThrow(() -> ApiProblem.notFound("subscription", id));
        Json.respond(ctx, 200, doc);
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.transaction(tx -> tx.webhooks().deleteSubscription(id))) {
            throw ApiProblem.notFound("subscription", id);
        }
        ctx.status(204);
    }

    private static ObjectNode describe(Subscription s) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("id", s.id());
        d.put("url", s.url());
        if (!s.types().isEmpty()) {
            ArrayNode types = d.putArray("types");
            s.types().forEach(types::add);
        }
        if (s.referrerOrg() != null) {
            d.put("referrerOrg", s.referrerOrg());
        }
        if (s.organisation() != null) {
            d.put("organisation", s.organisation());
        }
        d.put("after", s.startAfter());
        d.put("status", "active");
        d.put("createdAt", s.createdAt().toString());
        return d;
    }

    private static ObjectNode stats(DeliveryStats s) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("pending", s.pending());
        d.put("delivered", s.delivered());
        if (s.lastAttemptAt() != null) {
            d.put("lastAttemptAt", s.lastAttemptAt().toString());
        }
        if (s.lastDeliveredAt() != null) {
            d.put("lastDeliveredAt", s.lastDeliveredAt().toString());
        }
        if (s.lastError() != null) {
            d.put("lastError", s.lastError());
        }
        if (s.nextAttemptAt() != null) {
            d.put("nextAttemptAt", s.nextAttemptAt().toString());
        }
        return d;
    }

    private record Request(String url, List<String> types, String referrerOrg, Long after, String organisation) {}

    /** Every problem with the request at once, each naming its field and rule. */
    private Request parse(JsonNode body) {
        // counted past the cap, not listed: 150,000 unknown members cost one pass and a small answer
        KnownMembers.Unknown unknown =
                KnownMembers.find(body, FIELDS, "LW-SUBSCRIPTION-FIELD", ApiProblem.MAX_FINDINGS);
        List<Finding> findings = new ArrayList<>(unknown.findings());
        String url = null;
        JsonNode u = body.get("url");
        if (u == null || !u.isString()) {
            findings.add(finding(
                    "LW-SUBSCRIPTION-URL", "/url", "'url' is required: the absolute http(s) URL to POST events to"));
        } else {
            url = u.asString();
            String problem = urlProblem(url);
            if (problem != null) {
                findings.add(finding(
                        problem.startsWith("plain http") ? "LW-SUBSCRIPTION-URL-INSECURE" : "LW-SUBSCRIPTION-URL",
                        "/url",
                        problem));
            }
        }
        List<String> types = List.of();
        JsonNode t = body.get("types");
        if (t != null && !t.isNull()) {
            if (!t.isArray() || t.size() == 0 || t.size() > MAX_TYPES) {
                findings.add(finding(
                        "LW-SUBSCRIPTION-TYPES",
                        "/types",
                        "'types' is a list of 1 to " + MAX_TYPES
                                + " event types, e.g. [\"referral.status-changed\"]; leave it out for every type"));
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < t.size(); i++) {
                    JsonNode item = t.get(i);
                    if (!item.isString() || !EVENT_TYPE.matcher(item.asString()).matches()) {
                        findings.add(finding(
                                "LW-SUBSCRIPTION-TYPES",
                                "/types/" + i,
                                "an event type is '<resource>.<change>' in "
                                        + "lower case, e.g. referral.status-changed"));
                    } else if (!seen.add(item.asString())) {
                        findings.add(finding(
                                "LW-SUBSCRIPTION-TYPES", "/types/" + i, "'" + item.asString() + "' is listed twice"));
                    }
                }
                types = List.copyOf(seen);
            }
        }
        String referrerOrg = null;
        JsonNode o = body.get("referrerOrg");
        if (o != null && !o.isNull()) {
            if (!o.isString() || !ORG_CODE.matcher(o.asString()).matches()) {
                findings.add(finding(
                        "LW-SUBSCRIPTION-ORG",
                        "/referrerOrg",
                        "'referrerOrg' is an organisation code (ODS code), " + "1 to 20 letters and digits"));
            } else {
                referrerOrg = o.asString();
            }
        }
        String organisation = null;
        JsonNode recipient = body.get("organisation");
        if (recipient != null && !recipient.isNull()) {
            if (!recipient.isString() || !ORG_CODE.matcher(recipient.asString()).matches()) {
                findings.add(finding(
                        "LW-SUBSCRIPTION-ORG",
                        "/organisation",
                        "'organisation' is the receiving organisation's ODS code "
                                + "or charity number, 1 to 20 letters and digits"));
            } else {
                organisation = recipient.asString();
            }
        }
        Long after = null;
        JsonNode a = body.get("after");
        if (a != null && !a.isNull()) {
            if (!a.isIntegralNumber() || !a.canConvertToLong() || a.asLong() < 0) {
                findings.add(finding(
                        "LW-SUBSCRIPTION-AFTER",
                        "/after",
                        "'after' is an event sequence (a whole number, 0 or more) "
                                + "to start after; 0 replays every event"));
            } else {
                after = a.asLong();
            }
        }
        if (!findings.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_SUBSCRIPTION,
                    (findings.size() + unknown.omitted()) + " problem(s): "
                            + findings.get(0).message(),
                    findings,
                    unknown.omitted());
        }
        return new Request(url, types, referrerOrg, after, organisation);
    }

    /** Why a receiver URL is refused, or null. Plain http only to this machine, or anywhere in development mode. */
    private String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "the URL is longer than " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "the URL must be absolute, http or https, with a host";
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            return "the URL must not carry user info or a fragment";
        }
        if (scheme.equals("http") && !dev && !isLoopback(uri.getHost())) {
            return "plain http is allowed only to this machine; use https so the events (personal data) are encrypted in transit";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses: resolving a name here would send traffic to a DNS server
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Finding finding(String rule, String pointer, String message) {
        return new Finding(Severity.ERROR, rule, pointer, "", message);
    }
}
