package org.linkway.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in SQL. On PostgreSQL a transaction-scoped advisory lock serialises appenders across instances. */
final class JdbcAudit implements AuditTrail {

    /** An arbitrary constant naming the audit chain's lock. */
    private static final long CHAIN_LOCK = 0x4c4b5741L;

    private final JdbcTx tx;
    private final boolean postgres;

    /** On its transaction's statements, so the writer's statement cache serves the audit too. */
    JdbcAudit(JdbcTx tx, boolean postgres) {
        this.tx = tx;
        this.postgres = postgres;
    }

    @Override
    public AuditEntry append(AuditRecord r) {
        Instant at = Instant.EPOCH.plus(micros(r.at()), ChronoUnit.MICROS);
        String requestId = r.requestId();
        String subject = r.subject();
        String organisation = r.organisation();
        String role = r.role();
        String action = r.action();
        String resource = r.resource();
        String outcome = r.outcome();
        try {
            if (postgres) {
                try (JdbcTx.Prepared s = tx.prepare("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
                        ResultSet rs = s.statement().executeQuery()) {
                    rs.next();
                }
            }
            long sequence = 0;
            String previous = AuditEntry.GENESIS;
            try (JdbcTx.Prepared s =
                            tx.prepare("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1");
                    ResultSet rs = s.statement().executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            long next = sequence + 1;
            String hash = AuditEntry.hash(
                    next, at, requestId, subject, organisation, role, action, resource, outcome, previous);
            tx.execute(
                    "INSERT INTO audit_entry (sequence, at, request_id, subject, organisation, role, action, resource, outcome, "
                            + "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    next,
                    micros(at),
                    requestId,
                    subject,
                    organisation,
                    role,
                    action,
                    resource,
                    outcome,
                    previous,
                    hash);
            return new AuditEntry(
                    next, at, requestId, subject, organisation, role, action, resource, outcome, previous, hash);
        } catch (SQLException e) {
            throw new StoreException("cannot append to the audit trail", e);
        }
    }

    @Override
    public List<AuditEntry> after(long after, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (JdbcTx.Prepared p = tx.prepare(
                "SELECT sequence, at, request_id, subject, organisation, role, action, resource, "
                        + "outcome, previous_hash, hash FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?",
                after,
                limit)) {
            try (ResultSet rs = p.statement().executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(
                            rs.getLong(1),
                            Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail", e);
        }
        return out;
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }
}
