package org.linkway.server.security;

import java.util.List;
import org.linkway.server.storage.AuditEntry;
import org.linkway.server.storage.Store;

/**
 * Walks the audit trail from the first entry and checks every link: sequences without gaps, each
 * entry's previous hash equal to the hash of the entry before, each hash equal to what its fields
 * give. The first entry that fails is named; everything after it is unproven.
 */
public final class AuditVerifier {

    private static final int BATCH = 1000;

    /**
     * @param ok          whether the whole chain holds
     * @param entries     how many entries were checked
     * @param brokenAt    the sequence of the first broken entry, or -1
     * @param reason      why that entry breaks the chain, or null
     * @param lastHash    the hash of the last good entry (publish it to detect truncation later)
     */
    public record Report(boolean ok, long entries, long brokenAt, String reason, String lastHash) {
        public String describe() {
            return ok
                    ? "audit chain OK: " + entries + " entries, last hash " + lastHash
                    : "audit chain BROKEN at entry " + brokenAt + ": " + reason + " (" + entries
                            + " entries before it hold)";
        }
    }

    private AuditVerifier() {}

    public static Report verify(Store store) {
        long checked = 0;
        long after = 0;
        String previous = AuditEntry.GENESIS;
        while (true) {
            long from = after;
            List<AuditEntry> batch = store.transaction(tx -> tx.audit().after(from, BATCH));
            if (batch.isEmpty()) {
                return new Report(true, checked, -1, null, previous);
            }
            for (AuditEntry e : batch) {
                String reason = null;
                if (e.sequence() != checked + 1) {
                    reason = "expected entry " + (checked + 1) + " next but found " + e.sequence()
                            + " (entries deleted)";
                } else if (!e.previousHash().equals(previous)) {
                    reason =
                            "its previous hash does not match the entry before it (an entry was changed, removed or inserted)";
                } else if (!e.hash().equals(e.expectedHash())) {
                    reason = "its fields do not give its hash (the entry was edited)";
                }
                if (reason != null) {
                    return new Report(false, checked, e.sequence(), reason, previous);
                }
                previous = e.hash();
                checked++;
                after = e.sequence();
            }
        }
    }
}
