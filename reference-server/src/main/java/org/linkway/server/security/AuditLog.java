package org.linkway.server.security;

import java.time.Clock;

import org.linkway.server.storage.AuditEntry;
import org.linkway.server.storage.Store;

/** Writes audit entries, each in its own transaction, with fields bounded so a hostile path cannot bloat the trail. */
public final class AuditLog {

    private static final int MAX_FIELD = 300;

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public AuditEntry record(String requestId, Caller caller, String action, String resource, String outcome) {
        String subject = caller == null ? "anonymous" : caller.subject();
        String org = caller == null ? "-" : caller.organisation();
        String role = caller == null ? "-" : caller.role().claim();
        return store.transaction(tx -> tx.audit().append(clock.instant(), bound(requestId), bound(subject), bound(org), role,
                bound(action), bound(resource), bound(outcome)));
    }

    private static String bound(String s) {
        if (s == null) {
            return "-";
        }
        return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "...";
    }
}
