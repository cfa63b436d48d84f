package org.linkway.client;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.ApiResponse;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions: the server POSTs each matching event to your URL, signed with the
 * subscription's secret (Standard Webhooks), retrying until your endpoint answers 2xx. Verify
 * deliveries with {@link org.linkway.client.webhook.WebhookVerifier}.
 *
 * <pre>{@code
 * Subscription s = client.subscriptions().create(SubscriptionRequest.builder()
 *         .url(URI.create("https://receiver.example.org/hook")).build());
 * WebhookVerifier verifier = WebhookVerifier.builder().secret(s.secret().orElseThrow()).build();
 * client.subscriptions().delete(s.id());
 * }</pre>
 */
public final class Subscriptions {

    private static final String PATH = "/v1/subscriptions";

    private final Calls calls;

    Subscriptions(Calls calls) {
        this.calls = calls;
    }

    /** Subscribes, under a fresh Idempotency-Key; the answer carries the signing secret (this once). */
    public Subscription create(SubscriptionRequest request) {
        return Transport.join(createAsync(request, null));
    }

    public Subscription create(SubscriptionRequest request, String idempotencyKey) {
        return Transport.join(createAsync(request, idempotencyKey));
    }

    public CompletableFuture<Subscription> createAsync(SubscriptionRequest request) {
        return createAsync(request, null);
    }

    public CompletableFuture<Subscription> createAsync(SubscriptionRequest request, String idempotencyKey) {
        InvalidArgumentException.require(request, "request");
        ObjectNode body = Codec.mapper().createObjectNode();
        body.put("url", request.url().toString());
        if (request.types() != null) {
            request.types().forEach(body.putArray("types")::add);
        }
        if (request.referrerOrg() != null) {
            body.put("referrerOrg", request.referrerOrg());
        }
        if (request.organisation() != null) {
            body.put("organisation", request.organisation());
        }
        if (request.after() != null) {
            body.put("after", request.after());
        }
        return calls.send(ApiRequest.create(PATH, Codec.write(body), Calls.key(idempotencyKey)))
                .thenApply(r -> read(Codec.tree(r), r));
    }

    /** Every subscription (without secrets). */
    public PagedIterable<Subscription> list() {
        return new PagedIterable<>(cursor -> calls.send(
                        ApiRequest.get(cursor == null ? PATH : PATH + "?cursor=" + Codec.query(cursor)))
                .thenApply(r -> {
                    JsonNode doc = Codec.tree(r);
                    List<Subscription> items = new ArrayList<>();
                    doc.path("items").forEach(item -> items.add(read(item, r)));
                    JsonNode next = doc.path("nextCursor");
                    return new Page<>(items, next.isString() ? next.asString() : null, r.requestId());
                }));
    }

    /** One subscription, with its delivery progress. */
    public Subscription get(String id) {
        return Transport.join(getAsync(id));
    }

    public CompletableFuture<Subscription> getAsync(String id) {
        return calls.send(ApiRequest.get(path(id))).thenApply(r -> read(Codec.tree(r), r));
    }

    /** Ends the subscription: no further deliveries. */
    public void delete(String id) {
        Transport.join(deleteAsync(id));
    }

    public CompletableFuture<Void> deleteAsync(String id) {
        return calls.send(ApiRequest.change("DELETE", path(id), null)).thenApply(r -> null);
    }

    private static String path(String id) {
        return PATH + "/" + Codec.segment(id, "id");
    }

    static Subscription read(JsonNode n, ApiResponse r) {
        try {
            List<String> types = null;
            if (n.path("types").isArray()) {
                types = new ArrayList<>();
                for (JsonNode t : n.path("types")) {
                    types.add(t.asString());
                }
            }
            JsonNode d = n.path("delivery");
            SubscriptionDelivery delivery = d.isObject()
                    ? new SubscriptionDelivery(
                            d.path("pending").asLong(0),
                            d.path("delivered").asLong(0),
                            instant(d, "lastAttemptAt"),
                            instant(d, "lastDeliveredAt"),
                            text(d, "lastError"),
                            instant(d, "nextAttemptAt"))
                    : null;
            String id = text(n, "id");
            String url = text(n, "url");
            if (id == null || url == null) {
                throw new IllegalArgumentException("a subscription needs 'id' and 'url'");
            }
            return new Subscription(
                    id,
                    URI.create(url),
                    types,
                    text(n, "referrerOrg"),
                    n.path("after").asLong(0),
                    text(n, "status"),
                    instant(n, "createdAt"),
                    text(n, "secret"),
                    delivery,
                    r.requestId(),
                    text(n, "organisation"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnexpectedResponseException(
                    r.status(), r.requestId(), "the answer is not a subscription: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() ? v.asString() : null;
    }

    private static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }
}
