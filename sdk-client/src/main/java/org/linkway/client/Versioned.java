package org.linkway.client;

import java.util.List;
import java.util.Objects;
import org.linkway.client.error.InvalidArgumentException;

/**
 * A resource as the server answered it, with what you need to change it safely: its
 * {@link #etag()} (send it back as {@code If-Match}; a stale one fails with
 * {@link org.linkway.client.error.StaleVersionException}), the {@link #requestId()} of the
 * answer, and whether the answer {@link #replayed()} an earlier create with the same
 * {@code Idempotency-Key}.
 *
 * <pre>{@code
 * Versioned<Referral> created = client.referrals().create(referral);
 * Versioned<Referral> accepted = client.referrals().transition(created, Referral.Status.ACCEPTED);
 * }</pre>
 *
 * @param value     the resource (an immutable sdk-model type)
 * @param etag      its ETag, e.g. {@code "3"}; null if the server sent none
 * @param requestId the answer's {@code X-Request-Id}
 * @param replayed  true when the server replayed the answer to an earlier create with the same key
 * @param possibleDuplicates the ids of open referrals of the same person the server reported when
 *                  it received a referral ({@code Linkway-Possible-Duplicates}), oldest first, only
 *                  those the caller may see; empty for every other answer. A possible duplicate is
 *                  never refused: it is for the sender and the link worker to look at.
 * @param <T>       the resource type
 */
public record Versioned<T>(T value, String etag, String requestId, boolean replayed, List<String> possibleDuplicates) {

    public Versioned {
        Objects.requireNonNull(value, "value");
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    /** As before possible duplicates were reported: none. Kept so that code built against 1.x still compiles. */
    public Versioned(T value, String etag, String requestId, boolean replayed) {
        this(value, etag, requestId, replayed, List.of());
    }

    /** The version number inside the ETag ({@code "3"} is 3), or -1 when there is no ETag or it is not a Linkway one. */
    public long version() {
        if (etag == null) {
            return -1;
        }
        String digits = etag.replace("W/", "").replace("\"", "").strip();
        return digits.matches("[0-9]{1,18}") ? Long.parseLong(digits) : -1;
    }

    static String requireEtag(String etag) {
        return InvalidArgumentException.require(etag, "etag");
    }
}
