package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in SQL. On PostgreSQL a transaction-scoped advisory lock serialises appenders across instances. */
final class JdbcAudit implements AuditTrail {

    /** An arbitrary constant naming the audit chain's lock. */
    private static final long CHAIN_LOCK = 0x4c4b5741L;

    private final Connection c;
    private final boolean postgres;

    JdbcAudit(Connection c, boolean postgres) {
        this.c = c;
        this.postgres = postgres;
    }

    @Override
    public AuditEntry append(Instant when, String requestId, String subject, String organisation, String role, String action,
                             String resource, String outcome) {
        Instant at = Instant.EPOCH.plus(micros(when), ChronoUnit.MICROS);
        try {
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")");
                }
            }
            long sequence = 0;
            String previous = AuditEntry.GENESIS;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")) {
                if (rs.next()) {
                    sequence = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            long next = sequence + 1;
            String hash = AuditEntry.hash(next, at, requestId, subject, organisation, role, action, resource, outcome, previous);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_entry (sequence, at, request_id, subject, organisation, "
                    + "role, action, resource, outcome, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, next);
                p.setLong(2, micros(at));
                p.setString(3, requestId);
                p.setString(4, subject);
                p.setString(5, organisation);
                p.setString(6, role);
                p.setString(7, action);
                p.setString(8, resource);
                p.setString(9, outcome);
                p.setString(10, previous);
                p.setString(11, hash);
                p.executeUpdate();
            }
            return new AuditEntry(next, at, requestId, subject, organisation, role, action, resource, outcome, previous, hash);
        } catch (SQLException e) {
            throw new StoreException("cannot append to the audit trail", e);
        }
    }

    @Override
    public List<AuditEntry> after(long after, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT sequence, at, request_id, subject, organisation, role, action, resource, "
                + "outcome, previous_hash, hash FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
            p.setLong(1, after);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11)));
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
