package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import org.linkway.model.Feedback;
import org.linkway.model.OnwardReferral;

/**
 * Onward referrals from the link worker to VCSE services, and what the provider reports back:
 * {@code sent -> accepted | declined}, {@code accepted -> attended | did-not-attend}, then
 * {@code completed}, with feedback entries added along the way.
 *
 * <pre>{@code
 * OnwardReferrals onward = client.onwardReferrals();
 * Versioned<OnwardReferral> sent = onward.create(referralId, walkingGroup);
 * Versioned<OnwardReferral> accepted = onward.transition(sent, OnwardReferral.Status.ACCEPTED);
 * onward.addFeedback(sent.value().getId(), Feedback.builder().withText("Came to the first walk").build());
 * }</pre>
 */
public final class OnwardReferrals {

    private final Calls calls;

    OnwardReferrals(Calls calls) {
        this.calls = calls;
    }

    /** Sends an onward referral under the referral {@code referralId}, with a fresh Idempotency-Key. */
    public Versioned<OnwardReferral> create(String referralId, OnwardReferral onward) {
        return Transport.join(createAsync(referralId, onward, null));
    }

    /** As {@link #create(String, OnwardReferral)}, under your own Idempotency-Key, so a resend answers the first result. */
    public Versioned<OnwardReferral> create(String referralId, OnwardReferral onward, String idempotencyKey) {
        return Transport.join(createAsync(referralId, onward, idempotencyKey));
    }

    public CompletableFuture<Versioned<OnwardReferral>> createAsync(String referralId, OnwardReferral onward) {
        return createAsync(referralId, onward, null);
    }

    public CompletableFuture<Versioned<OnwardReferral>> createAsync(
            String referralId, OnwardReferral onward, String idempotencyKey) {
        return calls.create(
                Referrals.path(referralId) + "/onward-referrals", onward, idempotencyKey, OnwardReferral.class);
    }

    /** The onward referrals made under one referral. */
    public PagedIterable<OnwardReferral> list(String referralId) {
        return calls.paged(Referrals.path(referralId) + "/onward-referrals", OnwardReferral.class);
    }

    /**
     * The caller's onward referrals across every referral, a page at a time as iteration reaches
     * it: for a provider, its inbox (those addressed to its organisation, while the person's
     * consent covers it, each as it may read it); for a link worker service, those it sent.
     */
    public PagedIterable<OnwardReferral> inbox() {
        return list(OnwardReferralQuery.all());
    }

    /** The onward referrals the query selects (see {@link #inbox()}), a page at a time as iteration reaches it. */
    public PagedIterable<OnwardReferral> list(OnwardReferralQuery query) {
        InvalidArgumentException.require(query, "query");
        return new PagedIterable<>(cursor -> listPageAsync(query, cursor));
    }

    /** One page: {@code cursor} null for the first, else a {@link Page#nextCursor()} from before. */
    public CompletableFuture<Page<OnwardReferral>> listPageAsync(OnwardReferralQuery query, String cursor) {
        InvalidArgumentException.require(query, "query");
        String q = query.toQueryString(cursor);
        return calls.page("/v1/onward-referrals" + (q.isEmpty() ? "" : "?" + q), OnwardReferral.class);
    }

    public Versioned<OnwardReferral> get(String id) {
        return Transport.join(getAsync(id));
    }

    public CompletableFuture<Versioned<OnwardReferral>> getAsync(String id) {
        return calls.versioned(ApiRequest.get(path(id)), OnwardReferral.class);
    }

    /** Moves the onward referral as the request says, under {@code If-Match} with its ETag; declined and did-not-attend need a reason. */
    public Versioned<OnwardReferral> transition(OnwardTransitionRequest request) {
        return Transport.join(transitionAsync(request));
    }

    /** Moves the onward referral as last read (its id and ETag) to {@code to}, for a move that needs no reason. */
    public Versioned<OnwardReferral> transition(Versioned<OnwardReferral> current, OnwardReferral.Status to) {
        return transition(
                OnwardTransitionRequest.builder().after(current).to(to).build());
    }

    public CompletableFuture<Versioned<OnwardReferral>> transitionAsync(OnwardTransitionRequest request) {
        InvalidArgumentException.require(request, "request");
        ApiRequest call = ApiRequest.change("POST", path(request.onwardReferralId()) + "/transitions", request.body())
                .withHeader("If-Match", request.etag());
        return calls.versioned(call, OnwardReferral.class);
    }

    /**
     * Appends the provider's feedback; answers the onward referral with all its feedback. Feedback
     * is kept beside the onward referral, so its version (the {@code ETag} a transition needs) does
     * not change. A member the schema does not know is refused ({@code ValidationException}); an
     * onward referral that holds as much feedback as the server keeps answers {@code ConflictException}
     * ({@code feedback-limit}), and the feedback it holds stays readable.
     */
    public Versioned<OnwardReferral> addFeedback(String id, Feedback feedback) {
        return Transport.join(addFeedbackAsync(id, feedback));
    }

    public CompletableFuture<Versioned<OnwardReferral>> addFeedbackAsync(String id, Feedback feedback) {
        InvalidArgumentException.require(feedback, "feedback");
        return calls.versioned(
                ApiRequest.change("POST", path(id) + "/feedback", Codec.write(feedback)), OnwardReferral.class);
    }

    private static String path(String id) {
        return "/v1/onward-referrals/" + Codec.segment(id, "id");
    }
}
