package org.linkway.server.security;

import java.time.Clock;
import org.linkway.server.storage.AuditEntry;
import org.linkway.server.storage.AuditRecord;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.Tx;

/** Writes audit entries, in a transaction of their own or of the change they record, with fields bounded so a hostile path cannot bloat the trail. */
public final class AuditLog {

    private static final int MAX_FIELD = 300;

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Appends an entry in a transaction of its own. */
    public AuditEntry record(Audited act) {
        return store.transaction(tx -> append(tx, act));
    }

    /** Appends an entry within {@code tx}: it commits, or not, with the rest of that transaction. */
    public AuditEntry append(Tx tx, Audited act) {
        Caller caller = act.caller();
        String subject = caller == null ? "anonymous" : caller.subject();
        String org = caller == null ? "-" : caller.organisation();
        String role = caller == null ? "-" : caller.role().claim();
        return tx.audit()
                .append(AuditRecord.at(clock.instant())
                        .requestId(bound(act.requestId()))
                        .subject(bound(subject))
                        .organisation(bound(org))
                        .role(role)
                        .action(bound(act.action()))
                        .resource(bound(act.resource()))
                        .outcome(bound(act.outcome())));
    }

    private static String bound(String s) {
        if (s == null) {
            return "-";
        }
        return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "...";
    }
}
