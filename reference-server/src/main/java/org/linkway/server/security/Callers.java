package org.linkway.server.security;

import io.javalin.http.Context;

/** The authenticated caller of a request, for the routes that act on who is asking (a caseload is the caller's own). */
public final class Callers {

    private Callers() {}

    /** The caller {@link Security} authenticated for this request. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(Security.CALLER);
        if (caller == null) {
            throw new IllegalStateException("a route that needs its caller ran without authentication");
        }
        return caller;
    }

    /**
     * Whether the caller may see a referral this organisation sent: a referrer only its own, the
     * link worker service the referral is addressed to and admins every one (the caller of an
     * intake is that service or its referrer, so the addressee is already the caller's own).
     */
    public static boolean maySeeSentBy(Caller caller, String referrerOrg) {
        return !caller.is(Role.REFERRER) || caller.organisation().equals(referrerOrg);
    }
}
