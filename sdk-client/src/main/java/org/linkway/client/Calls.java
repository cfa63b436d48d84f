package org.linkway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.ApiResponse;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.EventJson;
import org.linkway.client.internal.Transport;
import tools.jackson.databind.JsonNode;

/** The conversions every resource shares: answers into {@link Versioned}, {@link Page} and events. */
final class Calls {

    private final Transport transport;

    Calls(Transport transport) {
        this.transport = transport;
    }

    CompletableFuture<ApiResponse> send(ApiRequest request) {
        return transport.send(request);
    }

    <T> CompletableFuture<Versioned<T>> versioned(ApiRequest request, Class<T> type) {
        return transport.send(request).thenApply(r -> versioned(r, Codec.read(r, type)));
    }

    /** An answer's value with its ETag, request id, replay flag and reported possible duplicates. */
    static <T> Versioned<T> versioned(ApiResponse r, T value) {
        return new Versioned<>(value, r.etag(), r.requestId(), r.replayed(), duplicates(r.header(DUPLICATES)));
    }

    /** The header a 201 to a new referral names the same person's open referrals in, comma-separated. */
    static final String DUPLICATES = "Linkway-Possible-Duplicates";

    static List<String> duplicates(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : header.split(",")) {
            if (!id.isBlank()) {
                out.add(id.strip());
            }
        }
        return out;
    }

    <T> CompletableFuture<Versioned<T>> create(String path, Object body, String idempotencyKey, Class<T> type) {
        InvalidArgumentException.require(body, "body");
        return versioned(ApiRequest.create(path, Codec.write(body), key(idempotencyKey)), type);
    }

    <T> CompletableFuture<Page<T>> page(String path, Class<T> type) {
        return transport.send(ApiRequest.get(path)).thenApply(r -> {
            JsonNode doc = Codec.tree(r);
            List<T> items = new ArrayList<>();
            for (JsonNode item : doc.path("items")) {
                items.add(Codec.read(item, type, r));
            }
            JsonNode next = doc.path("nextCursor");
            return new Page<>(items, next.isString() ? next.asString() : null, r.requestId());
        });
    }

    <T> PagedIterable<T> paged(String path, Class<T> type) {
        return new PagedIterable<>(cursor -> page(
                cursor == null ? path : path + (path.contains("?") ? "&" : "?") + "cursor=" + Codec.query(cursor),
                type));
    }

    CompletableFuture<List<Event>> events(String path) {
        return transport.send(ApiRequest.get(path)).thenApply(Calls::eventItems);
    }

    static List<Event> eventItems(ApiResponse r) {
        List<Event> out = new ArrayList<>();
        for (JsonNode item : Codec.tree(r).path("items")) {
            try {
                out.add(EventJson.read(item));
            } catch (IllegalArgumentException e) {
                throw new UnexpectedResponseException(r.status(), r.requestId(), e.getMessage(), e);
            }
        }
        return out;
    }

    /** The caller's key, or a fresh one: every create carries one so that a retry never creates twice. */
    static String key(String given) {
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!given.matches("[\\x21-\\x7E]{1,255}")) {
            throw new InvalidArgumentException("idempotencyKey", "must be 1 to 255 visible ASCII characters");
        }
        return given;
    }
}
