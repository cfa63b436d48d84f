package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;

/**
 * Records the link worker appends under a referral (contacts, consent decisions, assessments,
 * signposts): recorded, listed and read, never edited. {@code T} is the sdk-model type, e.g.
 * {@link org.linkway.model.ContactRecord}.
 *
 * <pre>{@code
 * JourneyRecords<Consent> consents = client.referral(id).consents();
 * Versioned<Consent> given = consents.create(consent);
 * consents.list().forEach(c -> System.out.println(c.getDecision()));
 * }</pre>
 *
 * @param <T> the record type
 */
public final class JourneyRecords<T> {

    private final Calls calls;
    private final String path;
    private final Class<T> type;

    JourneyRecords(Calls calls, String path, Class<T> type) {
        this.calls = calls;
        this.path = path;
        this.type = type;
    }

    /** Records it (without {@code id} or {@code referralId}: the server assigns them) under a fresh Idempotency-Key. */
    public Versioned<T> create(T record) {
        return Transport.join(createAsync(record, null));
    }

    public Versioned<T> create(T record, String idempotencyKey) {
        return Transport.join(createAsync(record, idempotencyKey));
    }

    public CompletableFuture<Versioned<T>> createAsync(T record) {
        return createAsync(record, null);
    }

    public CompletableFuture<Versioned<T>> createAsync(T record, String idempotencyKey) {
        return calls.create(path, record, idempotencyKey, type);
    }

    public Versioned<T> get(String recordId) {
        return Transport.join(getAsync(recordId));
    }

    public CompletableFuture<Versioned<T>> getAsync(String recordId) {
        return calls.versioned(ApiRequest.get(path + "/" + Codec.segment(recordId, "recordId")), type);
    }

    /** Every record of this kind under the referral, oldest first. */
    public PagedIterable<T> list() {
        return calls.paged(path, type);
    }
}
