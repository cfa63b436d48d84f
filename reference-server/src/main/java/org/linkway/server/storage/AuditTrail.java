package org.linkway.server.storage;

import java.time.Instant;
import java.util.List;

/** The append-only, hash-chained audit trail, inside one transaction. */
public interface AuditTrail {

    /** Appends an entry after the last one, chaining it to that one's hash. */
    AuditEntry append(Instant at, String requestId, String subject, String organisation, String role, String action,
                      String resource, String outcome);

    /** Entries with a sequence greater than {@code after}, in order. */
    List<AuditEntry> after(long after, int limit);
}
