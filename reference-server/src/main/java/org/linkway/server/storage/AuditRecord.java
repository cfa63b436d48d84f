package org.linkway.server.storage;

import java.time.Instant;

/**
 * What {@link AuditTrail#append} writes before it chains it (see {@link AuditEntry} for each
 * field), built in named steps so that eight columns of text cannot be swapped:
 *
 * <pre>{@code
 * tx.audit().append(AuditRecord.at(now).requestId(id).subject("alice").organisation("8EC41").role("link-worker")
 *         .action("GET /v1/referrals/{id}").resource("Referral/" + referralId).outcome("200 allowed"));
 * }</pre>
 */
public record AuditRecord(
        Instant at,
        String requestId,
        String subject,
        String organisation,
        String role,
        String action,
        String resource,
        String outcome) {

    /** A record made at this instant, its fields still to be named. */
    public static AuditRecord at(Instant at) {
        return new AuditRecord(at, null, null, null, null, null, null, null);
    }

    public AuditRecord requestId(String requestId) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord subject(String subject) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord organisation(String organisation) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord role(String role) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord action(String action) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord resource(String resource) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }

    public AuditRecord outcome(String outcome) {
        return new AuditRecord(at, requestId, subject, organisation, role, action, resource, outcome);
    }
}
