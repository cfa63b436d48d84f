package org.linkway.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** {@link OverdueLog} on the transaction's connection; the primary key makes the insert idempotent. */
final class JdbcOverdueLog implements OverdueLog {

    private final JdbcTx tx;

    JdbcOverdueLog(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public boolean record(String referralId, String rule, Instant dueAt) {
        return tx.execute(
                        "INSERT INTO overdue_raised (referral_id, rule, due_at, raised_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (referral_id, rule, due_at) DO NOTHING",
                        referralId,
                        rule,
                        JdbcTx.toMicros(dueAt),
                        tx.micros())
                == 1;
    }

    @Override
    public int count(String referralId, String rule) {
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT COUNT(*) FROM overdue_raised WHERE referral_id = ? AND rule = ?", referralId, rule);
                ResultSet rs = s.statement().executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("query failed", e);
        }
    }
}
