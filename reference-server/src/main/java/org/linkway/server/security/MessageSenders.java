package org.linkway.server.security;

import io.javalin.http.Context;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;

/**
 * The sender a FHIR message names against the token it came with: a referrer sends only as its
 * own organisation, whatever the message says; an admin may relay a message for any sender.
 */
public final class MessageSenders {

    private MessageSenders() {}

    /**
     * Refuses (403) a message whose {@code MessageHeader.sender} is not the caller's organisation.
     *
     * @param senderOds the ODS code the message names as its sender
     */
    public static void check(Context ctx, String senderOds) {
        Caller caller = ctx.attribute(Security.CALLER);
        if (caller == null) {
            throw new IllegalStateException("a message was received without an authenticated caller");
        }
        if (caller.is(Role.ADMIN) || caller.organisation().equalsIgnoreCase(senderOds)) {
            return;
        }
        ctx.attribute(Security.ACCESS, new AccessDecider.Access("Referral/new", "denied: sender is not the caller"));
        throw new ApiProblem(
                        ProblemType.FORBIDDEN,
                        "the message's sender (MessageHeader.sender, ODS code '" + senderOds
                                + "') is not the organisation of the token it came with ('" + caller.organisation()
                                + "')")
                .with("barsIssueCode", "forbidden");
    }
}
