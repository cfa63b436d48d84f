package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import org.linkway.model.Referral;

/**
 * A link worker's caseload: the open referrals assigned to the caller (the token's subject in the
 * token's organisation), oldest assignment first, fetched a page at a time as iteration reaches
 * them; the counts per link worker for the service's lead; and assigning or reassigning a referral.
 * A referral leaves the caseload when it closes or is reassigned.
 *
 * <pre>{@code
 * for (Referral r : client.caseload().mine()) {
 *     plan(r);
 * }
 * client.caseload().assign(referralId, "sam@eastmere");
 * CaseloadSummary counts = lead.caseload().summary();
 * }</pre>
 */
public final class Caseload {

    private final Calls calls;

    Caseload(Calls calls) {
        this.calls = calls;
    }

    /** The caller's open referrals, in the server's default page size. */
    public PagedIterable<Referral> mine() {
        return new PagedIterable<>(cursor -> minePageAsync(null, cursor));
    }

    /** The caller's open referrals, {@code pageSize} (1 to 500) per request. */
    public PagedIterable<Referral> mine(int pageSize) {
        checkPageSize(pageSize);
        return new PagedIterable<>(cursor -> minePageAsync(pageSize, cursor));
    }

    /**
     * One page of the caller's caseload: {@code cursor} null for the first, else a
     * {@link Page#nextCursor()} from before; {@code pageSize} null for the server's default.
     */
    public CompletableFuture<Page<Referral>> minePageAsync(Integer pageSize, String cursor) {
        if (pageSize != null) {
            checkPageSize(pageSize);
        }
        StringBuilder q = new StringBuilder();
        if (pageSize != null) {
            q.append("limit=").append(pageSize);
        }
        if (cursor != null) {
            q.append(q.length() == 0 ? "" : "&").append("cursor=").append(Codec.query(cursor));
        }
        return calls.page("/v1/caseload" + (q.length() == 0 ? "" : "?" + q), Referral.class);
    }

    /**
     * The open referrals per link worker of the caller's service.
     *
     * @throws org.linkway.client.error.ForbiddenException the caller is not the service's lead
     */
    public CaseloadSummary summary() {
        return Transport.join(summaryAsync(null));
    }

    /** For an admin: the counts of the link worker service {@code organisation} (its ODS code). */
    public CaseloadSummary summary(String organisation) {
        InvalidArgumentException.require(organisation, "organisation");
        return Transport.join(summaryAsync(organisation));
    }

    /** As {@link #summary()}, or {@link #summary(String)} when {@code organisation} is not null. */
    public CompletableFuture<CaseloadSummary> summaryAsync(String organisation) {
        String path =
                "/v1/caseload/summary" + (organisation == null ? "" : "?organisation=" + Codec.query(organisation));
        return calls.send(ApiRequest.get(path))
                .thenApply(r -> Answers.read(r, CaseloadSummary::from, "caseload summary"));
    }

    /** Assigns the referral {@code referralId}, held by no one yet, to {@code linkWorker} (see {@link ReferralAssignment#assign}). */
    public Versioned<Assignment> assign(String referralId, String linkWorker) {
        return assignment(referralId).assign(linkWorker);
    }

    /** Reassigns the referral of {@code current} to {@code linkWorker}, saying why (see {@link ReferralAssignment#reassign}). */
    public Versioned<Assignment> reassign(Versioned<Assignment> current, String linkWorker, String reason) {
        InvalidArgumentException.require(current, "current");
        return assignment(current.value().referralId()).reassign(current, linkWorker, reason);
    }

    /** Who holds the referral {@code referralId}. */
    public ReferralAssignment assignment(String referralId) {
        return new ReferralAssignment(calls, Referrals.path(referralId));
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new InvalidArgumentException("pageSize", "must be from 1 to 500, not " + pageSize);
        }
    }
}
