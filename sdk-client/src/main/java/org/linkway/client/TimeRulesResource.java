package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;

/**
 * The time rules of the caller's link worker service (or, for an admin, of a named one): read
 * them, and replace all three at once under {@code If-Match}, so that two people editing them
 * cannot overwrite each other ({@link org.linkway.client.error.StaleVersionException}). Rules that
 * break a limit are refused whole ({@link org.linkway.client.error.ValidationException}, one finding
 * per problem) and nothing changes.
 *
 * <pre>{@code
 * Versioned<TimeRules> current = client.timeRules().get();
 * client.timeRules().update(current, current.value().toBuilder().followUp(TimeRule.days(21)).build());
 * }</pre>
 */
public final class TimeRulesResource {

    private final Calls calls;

    TimeRulesResource(Calls calls) {
        this.calls = calls;
    }

    /** The caller's service's rules and their version (also the ETag). */
    public Versioned<TimeRules> get() {
        return Transport.join(getAsync(null));
    }

    /** For an admin: the rules of the link worker service {@code organisation}. */
    public Versioned<TimeRules> get(String organisation) {
        InvalidArgumentException.require(organisation, "organisation");
        return Transport.join(getAsync(organisation));
    }

    public CompletableFuture<Versioned<TimeRules>> getAsync(String organisation) {
        return send(ApiRequest.get(path(organisation)));
    }

    /** Replaces the rules read as {@code current} with {@code rules}. */
    public Versioned<TimeRules> update(Versioned<TimeRules> current, TimeRules rules) {
        InvalidArgumentException.require(current, "current");
        return Transport.join(putAsync(current.value().organisation(), rules, current.etag()));
    }

    /** Replaces the caller's service's rules from the version {@code etag} names ({@code "0"} for the defaults). */
    public Versioned<TimeRules> put(TimeRules rules, String etag) {
        return Transport.join(putAsync(null, rules, etag));
    }

    /** As {@link #put(TimeRules, String)}, for the service {@code organisation} (an admin's must name one). */
    public CompletableFuture<Versioned<TimeRules>> putAsync(String organisation, TimeRules rules, String etag) {
        InvalidArgumentException.require(rules, "rules");
        Versioned.requireEtag(etag);
        return send(ApiRequest.change("PUT", path(organisation), rules.body()).withHeader("If-Match", etag));
    }

    private CompletableFuture<Versioned<TimeRules>> send(ApiRequest request) {
        return calls.send(request).thenApply(r -> Calls.versioned(r, Answers.read(r, TimeRules::from, "time rules")));
    }

    private static String path(String organisation) {
        return "/v1/time-rules" + (organisation == null ? "" : "?organisation=" + Codec.query(organisation));
    }
}
