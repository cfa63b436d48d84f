package org.linkway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import tools.jackson.databind.JsonNode;

/**
 * The caller's calendar feeds (link workers): make one, list them (without their URLs), revoke
 * one. A feed lists the appointments of the referrals in the caller's caseload (and of those no
 * one holds that were booked with the caller), so it follows a reassignment. See
 * docs/CALENDAR-FEED.md for what a feed holds and the trade-off of a URL that is its own credential.
 *
 * <pre>{@code
 * CalendarFeed feed = client.calendarFeeds().create();
 * show(feed.url().orElseThrow());                       // only now: the server keeps a hash
 * client.calendarFeeds().revoke(feed.id());             // a lost phone
 * }</pre>
 */
public final class CalendarFeeds {

    private final Calls calls;

    CalendarFeeds(Calls calls) {
        this.calls = calls;
    }

    /**
     * A new feed with its URL. Not retried blindly: each call makes a feed (at most 10 per link
     * worker; then {@link org.linkway.client.error.ValidationException}).
     */
    public CalendarFeed create() {
        return Transport.join(createAsync());
    }

    public CompletableFuture<CalendarFeed> createAsync() {
        return calls.send(ApiRequest.change("POST", "/v1/calendar-feeds", null))
                .thenApply(r -> Answers.read(r, CalendarFeed::from, "calendar feed"));
    }

    /** The caller's feeds that are not revoked, without their URLs. */
    public List<CalendarFeed> list() {
        return Transport.join(listAsync());
    }

    public CompletableFuture<List<CalendarFeed>> listAsync() {
        return calls.send(ApiRequest.get("/v1/calendar-feeds")).thenApply(r -> {
            List<CalendarFeed> out = new ArrayList<>();
            for (JsonNode item : Codec.tree(r).path("items")) {
                out.add(Answers.read(item, r, CalendarFeed::from, "calendar feed"));
            }
            return out;
        });
    }

    /**
     * Revokes one of the caller's feeds: its URL answers 404 from now on.
     *
     * @throws org.linkway.client.error.NotFoundException no such feed of the caller's, or revoked already
     */
    public void revoke(String id) {
        Transport.join(revokeAsync(id));
    }

    public CompletableFuture<Void> revokeAsync(String id) {
        return calls.send(ApiRequest.change("DELETE", "/v1/calendar-feeds/" + Codec.segment(id, "id"), null))
                .thenApply(r -> null);
    }
}
