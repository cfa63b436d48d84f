package org.linkway.server.caseload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.server.person.Keyset;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.StoreException;
import org.linkway.server.storage.Tx;

/**
 * The caseload table ({@code caseload_assignment}, migration V11): who holds each referral now,
 * so that a link worker's caseload and the counts per link worker are index lookups. The
 * Assignment resource keeps every version; this table only the current one.
 */
final class Assignments {

    private static final String OPEN = "('received', 'accepted', 'in-progress')";

    private Assignments() {}

    /** Records that {@code linkWorker} of {@code organisation} now holds the referral. */
    static void put(Tx tx, String referralId, String organisation, String linkWorker, long at) {
        Connection c = SqlAccess.connection(tx);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM caseload_assignment WHERE referral_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO caseload_assignment "
                        + "(referral_id, organisation, link_worker, assigned_at) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, referralId);
            delete.executeUpdate();
            insert.setString(1, referralId);
            insert.setString(2, organisation);
            insert.setString(3, linkWorker);
            insert.setLong(4, at);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the assignment", e);
        }
    }

    /** One referral of a caseload: the stored referral and when it was assigned. */
    record Item(String body, long assignedAt, String referralId) {}

    /** The open referrals {@code linkWorker} of {@code organisation} holds, in order of assignment. */
    static Page<Item> caseload(Tx tx, String organisation, String linkWorker, Keyset after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.body, a.assigned_at, a.referral_id FROM caseload_assignment a "
                + "JOIN resource_latest r ON r.type = 'Referral' AND r.id = a.referral_id "
                + "WHERE a.organisation = ? AND a.link_worker = ? AND r.status IN " + OPEN);
        if (after != null) {
            sql.append(" AND (a.assigned_at > ? OR (a.assigned_at = ? AND a.referral_id > ?))");
        }
        sql.append(" ORDER BY a.assigned_at, a.referral_id LIMIT ?");
        List<Item> found = new ArrayList<>();
        try (PreparedStatement s = SqlAccess.connection(tx).prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, organisation);
            s.setString(i++, linkWorker);
            if (after != null) {
                s.setLong(i++, after.micros());
                s.setLong(i++, after.micros());
                s.setString(i++, after.id());
            }
            s.setInt(i, limit + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Item(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the caseload", e);
        }
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Item last = found.get(limit - 1);
        return new Page<>(
                List.copyOf(found.subList(0, limit)), new Keyset(last.assignedAt(), last.referralId()).encode());
    }

    /** How many open referrals each link worker of {@code organisation} holds, by subject. */
    static Map<String, Long> counts(Tx tx, String organisation) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = SqlAccess.connection(tx)
                .prepareStatement("SELECT a.link_worker, COUNT(*) FROM caseload_assignment a "
                        + "JOIN resource_latest r ON r.type = 'Referral' AND r.id = a.referral_id "
                        + "WHERE a.organisation = ? AND r.status IN " + OPEN
                        + " GROUP BY a.link_worker ORDER BY a.link_worker")) {
            s.setString(1, organisation);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the caseloads", e);
        }
        return out;
    }
}
