package org.linkway.client;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A calendar feed of a link worker's appointments, for a calendar program to subscribe to. Its
 * URL carries the feed's secret and is known only in the answer to the create: give it to the
 * calendar program then and treat it as a password; listed feeds have none.
 *
 * <pre>{@code
 * CalendarFeed feed = client.calendarFeeds().create();
 * URI subscribeTo = feed.url().orElseThrow();
 * }</pre>
 *
 * @param id           the feed's id (to revoke it)
 * @param linkWorker   whose appointments it lists (a token subject)
 * @param organisation in which link worker service
 * @param createdAt    when it was made
 * @param feedUrl      the URL to subscribe to; null except in the answer to the create
 * @param path         the same without scheme and host, for a server behind a proxy; null as {@code feedUrl}
 */
public record CalendarFeed(
        String id, String linkWorker, String organisation, Instant createdAt, URI feedUrl, String path) {

    public CalendarFeed {
        Objects.requireNonNull(id, "id");
    }

    /** The URL to subscribe to, present only in the answer to the create. */
    public Optional<URI> url() {
        return Optional.ofNullable(feedUrl);
    }

    static CalendarFeed from(JsonNode n) {
        String url = Answers.optionalText(n, "url");
        return new CalendarFeed(
                Answers.text(n, "id"),
                Answers.text(n, "linkWorker"),
                Answers.text(n, "organisation"),
                Answers.instant(n, "createdAt"),
                url == null ? null : URI.create(url),
                Answers.optionalText(n, "path"));
    }
}
