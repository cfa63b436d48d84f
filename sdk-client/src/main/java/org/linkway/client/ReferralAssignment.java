package org.linkway.client;

import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who holds one referral in the link worker service it is addressed to: assign it the first time,
 * reassign it (with a reason), read who holds it. Versioned as the care plan is, so two people
 * cannot reassign over each other: a reassignment names the version it changes and fails with
 * {@link org.linkway.client.error.StaleVersionException} if someone got there first. Assigning the
 * same link worker again changes nothing. Each change is an event ({@code referral.assigned},
 * {@code referral.reassigned}) and an audit entry on the server.
 *
 * <pre>{@code
 * ReferralAssignment assignment = client.referral(id).assignment();
 * Versioned<Assignment> first = assignment.assign("sam@eastmere");
 * assignment.reassign(first, "pat@eastmere", "Sam is on leave for a month");
 * }</pre>
 */
public final class ReferralAssignment {

    private final Calls calls;
    private final String path;

    ReferralAssignment(Calls calls, String referralPath) {
        this.calls = calls;
        this.path = referralPath + "/assignment";
    }

    /**
     * Who holds the referral now.
     *
     * @throws org.linkway.client.error.NotFoundException the referral is not assigned yet (or not yours to see)
     */
    public Versioned<Assignment> get() {
        return Transport.join(getAsync());
    }

    public CompletableFuture<Versioned<Assignment>> getAsync() {
        return send(ApiRequest.get(path));
    }

    /**
     * Assigns a referral no one holds yet to {@code linkWorker} (their token subject).
     *
     * @throws org.linkway.client.error.StaleVersionException it is assigned already: reassign it instead
     * @throws org.linkway.client.error.ConflictException     the referral is closed
     */
    public Versioned<Assignment> assign(String linkWorker) {
        return Transport.join(assignAsync(linkWorker));
    }

    public CompletableFuture<Versioned<Assignment>> assignAsync(String linkWorker) {
        return send(put(linkWorker, null).withHeader("If-None-Match", "*"));
    }

    /**
     * Moves the referral, as last read, to {@code linkWorker}; {@code reason} (1 to 500 characters)
     * is required by the server when that is someone else.
     *
     * @throws org.linkway.client.error.StaleVersionException the assignment changed since {@code current}
     * @throws org.linkway.client.error.ValidationException    no reason was given
     */
    public Versioned<Assignment> reassign(Versioned<Assignment> current, String linkWorker, String reason) {
        InvalidArgumentException.require(current, "current");
        return reassign(linkWorker, reason, current.etag());
    }

    /** As {@link #reassign(Versioned, String, String)}, from the version the ETag names. */
    public Versioned<Assignment> reassign(String linkWorker, String reason, String etag) {
        return Transport.join(reassignAsync(linkWorker, reason, etag));
    }

    public CompletableFuture<Versioned<Assignment>> reassignAsync(String linkWorker, String reason, String etag) {
        Versioned.requireEtag(etag);
        return send(put(linkWorker, reason).withHeader("If-Match", etag));
    }

    private ApiRequest put(String linkWorker, String reason) {
        InvalidArgumentException.require(linkWorker, "linkWorker");
        if (reason != null && reason.isBlank()) {
            throw new InvalidArgumentException("reason", "must not be blank when given");
        }
        ObjectNode body = Codec.mapper().createObjectNode();
        body.put("linkWorker", linkWorker);
        if (reason != null) {
            body.put("reason", reason);
        }
        // a PUT under If-Match or If-None-Match: sent again after a lost answer, it fails cleanly (412) rather than
        // applying twice
        return ApiRequest.change("PUT", path, Codec.write(body));
    }

    private CompletableFuture<Versioned<Assignment>> send(ApiRequest request) {
        return calls.send(request).thenApply(r -> Calls.versioned(r, Answers.read(r, Assignment::from, "assignment")));
    }
}
