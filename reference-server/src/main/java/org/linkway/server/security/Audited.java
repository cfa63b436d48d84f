package org.linkway.server.security;

/**
 * One act to put in the audit trail through {@link AuditLog}: which request, who, what, on what,
 * and how it ended, built in named steps:
 *
 * <pre>{@code
 * audit.record(Audited.request(requestId).by(caller).action("GET /v1/referrals/{id}").on("Referral/" + id).outcome("200 allowed"));
 * }</pre>
 *
 * @param requestId the request's {@code X-Request-Id}, or the worker that acted
 * @param caller    who, or null when nobody authenticated
 * @param action    what, e.g. {@code GET /v1/referrals/{id}}
 * @param resource  on what, e.g. {@code Referral/<id>}, or {@code -}
 * @param outcome   how it ended, e.g. {@code 200 allowed}
 */
public record Audited(String requestId, Caller caller, String action, String resource, String outcome) {

    /** An act of this request, its other fields still to be named. */
    public static Audited request(String requestId) {
        return new Audited(requestId, null, null, null, null);
    }

    public Audited by(Caller caller) {
        return new Audited(requestId, caller, action, resource, outcome);
    }

    public Audited action(String action) {
        return new Audited(requestId, caller, action, resource, outcome);
    }

    public Audited on(String resource) {
        return new Audited(requestId, caller, action, resource, outcome);
    }

    public Audited outcome(String outcome) {
        return new Audited(requestId, caller, action, resource, outcome);
    }
}
