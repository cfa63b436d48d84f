package org.linkway.server.storage;

import java.util.List;

/** The append-only, hash-chained audit trail, inside one transaction. */
public interface AuditTrail {

    /** Appends an entry after the last one, chaining it to that one's hash. */
    AuditEntry append(AuditRecord record);

    /** Entries with a sequence greater than {@code after}, in order. */
    List<AuditEntry> after(long after, int limit);
}
