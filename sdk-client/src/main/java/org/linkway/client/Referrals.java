package org.linkway.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import org.linkway.model.Referral;
import org.linkway.signature.DetachedSignature;
import org.linkway.signature.MessageSigner;

/**
 * Referrals to a social prescribing link worker service: send one, read it, list them, move one
 * through its journey ({@code received -> accepted -> in-progress -> completed}, or one of the
 * other endings). Every method has a {@code ...Async} twin returning a {@link CompletableFuture}
 * that fails with the same {@link org.linkway.client.error.LinkwayException}.
 *
 * <pre>{@code
 * Referrals referrals = client.referrals();
 * Versioned<Referral> created = referrals.create(referral);            // Idempotency-Key added for you
 * Versioned<Referral> accepted = referrals.transition(created, Referral.Status.ACCEPTED);
 * referrals.transition(TransitionRequest.builder().after(accepted).to(Referral.Status.DECLINED)
 *         .reason("Prefers to join a group on her own").build());
 * for (Referral r : referrals.list(ReferralQuery.builder().status(Referral.Status.ACCEPTED).build())) { ... }
 * }</pre>
 */
public final class Referrals {

    private final Calls calls;
    private final MessageSigner signer;

    Referrals(Calls calls) {
        this(calls, null);
    }

    Referrals(Calls calls, MessageSigner signer) {
        this.calls = calls;
        this.signer = signer;
    }

    /** Sends a referral (without {@code id} or {@code status}: the server assigns them) under a fresh Idempotency-Key. */
    public Versioned<Referral> create(Referral referral) {
        return Transport.join(createAsync(referral, null));
    }

    /**
     * Sends a referral under your own Idempotency-Key: sending the same referral with the same key
     * again (after a crash, say) answers the first result with {@link Versioned#replayed()} true.
     */
    public Versioned<Referral> create(Referral referral, String idempotencyKey) {
        return Transport.join(createAsync(referral, idempotencyKey));
    }

    public CompletableFuture<Versioned<Referral>> createAsync(Referral referral) {
        return createAsync(referral, null);
    }

    /** As {@link #create(Referral, String)}; a null key is taken as no key of your own (a fresh one is sent). */
    public CompletableFuture<Versioned<Referral>> createAsync(Referral referral, String idempotencyKey) {
        if (signer == null) {
            return calls.create("/v1/referrals", referral, idempotencyKey, Referral.class);
        }
        InvalidArgumentException.require(referral, "referral");
        byte[] body = Codec.write(referral);
        DetachedSignature signed = signer.sign(new String(body, StandardCharsets.UTF_8));
        if (signed == null || !signed.isOk()) {
            return CompletableFuture.failedFuture(new InvalidArgumentException(
                    "referral",
                    "cannot be signed: " + (signed == null ? "the signer gave no signature" : signed.findings())));
        }
        ApiRequest request = ApiRequest.create("/v1/referrals", body, Calls.key(idempotencyKey))
                .withHeader(SignatureVerifier.HEADER, signed.jws());
        return calls.versioned(request, Referral.class);
    }

    public Versioned<Referral> get(String id) {
        return Transport.join(getAsync(id));
    }

    public CompletableFuture<Versioned<Referral>> getAsync(String id) {
        return calls.versioned(ApiRequest.get(path(id)), Referral.class);
    }

    /** Every referral, a page at a time as iteration reaches it. */
    public PagedIterable<Referral> list() {
        return list(ReferralQuery.all());
    }

    /** The referrals the query selects, a page at a time as iteration reaches it. */
    public PagedIterable<Referral> list(ReferralQuery query) {
        InvalidArgumentException.require(query, "query");
        return new PagedIterable<>(cursor -> listPageAsync(query, cursor));
    }

    /** One page: {@code cursor} null for the first, else a {@link Page#nextCursor()} from before. */
    public CompletableFuture<Page<Referral>> listPageAsync(ReferralQuery query, String cursor) {
        InvalidArgumentException.require(query, "query");
        String q = query.toQueryString(cursor);
        return calls.page("/v1/referrals" + (q.isEmpty() ? "" : "?" + q), Referral.class);
    }

    /**
     * Moves the referral as the request says, under {@code If-Match} with its ETag; a closing move
     * may carry {@code gpActions} for the message back.
     *
     * @throws org.linkway.client.error.StaleVersionException      the referral changed since you read it
     * @throws org.linkway.client.error.IllegalTransitionException the journey does not allow the move
     * @throws InvalidArgumentException                            the request names no referral
     */
    public Versioned<Referral> transition(TransitionRequest request) {
        return Transport.join(transitionAsync(request));
    }

    /** Moves the referral as last read (its id and ETag) to {@code to}, for a move that needs no reason. */
    public Versioned<Referral> transition(Versioned<Referral> current, Referral.Status to) {
        return transition(TransitionRequest.builder().after(current).to(to).build());
    }

    public CompletableFuture<Versioned<Referral>> transitionAsync(TransitionRequest request) {
        InvalidArgumentException.require(request, "request");
        ApiRequest call = ApiRequest.change(
                        "POST",
                        path(InvalidArgumentException.require(request.referralId(), "referralId")) + "/transitions",
                        request.body())
                .withHeader("If-Match", request.etag());
        return calls.versioned(call, Referral.class);
    }

    /** The referral's events, oldest first. */
    public List<Event> events(String id) {
        return Transport.join(eventsAsync(id));
    }

    public CompletableFuture<List<Event>> eventsAsync(String id) {
        return calls.events(path(id) + "/events");
    }

    static String path(String id) {
        return "/v1/referrals/" + Codec.segment(id, "id");
    }
}
