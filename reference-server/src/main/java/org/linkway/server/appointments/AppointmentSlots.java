package org.linkway.server.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.StoreException;
import org.linkway.server.storage.Tx;

/**
 * The appointment tables of migration V13, inside a store transaction: the slot each appointment
 * is queried by (start, status, whose calendar), the reminders raised, and the calendar feeds.
 */
final class AppointmentSlots {

    /** One appointment as the sweeper and the calendar feed see it. */
    record Slot(
            String appointmentId,
            String referralId,
            String organisation,
            String linkWorker,
            Instant start,
            String status,
            int sequence) {}

    /** A calendar feed: whose appointments it lists; revoked feeds are never returned. */
    record Feed(String id, String organisation, String linkWorker, Instant createdAt) {}

    private final Connection c;

    private AppointmentSlots(Tx tx) {
        this.c = SqlAccess.connection(tx);
    }

    static AppointmentSlots in(Tx tx) {
        return new AppointmentSlots(tx);
    }

    void save(Slot s) {
        run(
                "INSERT INTO appointment_slot (appointment_id, referral_id, organisation, link_worker, start_at, status,"
                        + " sequence) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET"
                        + " link_worker = excluded.link_worker, start_at = excluded.start_at, status = excluded.status,"
                        + " sequence = excluded.sequence",
                ps -> {
                    ps.setString(1, s.appointmentId());
                    ps.setString(2, s.referralId());
                    ps.setString(3, s.organisation());
                    ps.setString(4, s.linkWorker());
                    ps.setLong(5, micros(s.start()));
                    ps.setString(6, s.status());
                    ps.setInt(7, s.sequence());
                    ps.executeUpdate();
                    return null;
                });
    }

    /** Booked appointments starting after {@code now} and no later than {@code horizon} that have no reminder for that start yet. */
    List<Slot> dueForReminder(Instant now, Instant horizon, int limit) {
        return run(
                "SELECT s.appointment_id, s.referral_id, s.organisation, s.link_worker, s.start_at, s.status,"
                        + " s.sequence FROM appointment_slot s WHERE s.status = 'booked' AND s.start_at > ?"
                        + " AND s.start_at <= ? AND NOT EXISTS (SELECT 1 FROM appointment_reminder r"
                        + " WHERE r.appointment_id = s.appointment_id AND r.start_at = s.start_at)"
                        + " ORDER BY s.start_at, s.appointment_id LIMIT ?",
                ps -> {
                    ps.setLong(1, micros(now));
                    ps.setLong(2, micros(horizon));
                    ps.setInt(3, limit);
                    return slots(ps);
                });
    }

    /** Claims the reminder of this start; false if it was raised already (by this sweep's rival, or before a restart). */
    boolean claimReminder(String appointmentId, Instant start, Instant now) {
        return run(
                "INSERT INTO appointment_reminder (appointment_id, start_at, raised_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (appointment_id, start_at) DO NOTHING",
                ps -> {
                    ps.setString(1, appointmentId);
                    ps.setLong(2, micros(start));
                    ps.setLong(3, micros(now));
                    return ps.executeUpdate() == 1;
                });
    }

    /** The columns of a slot, as {@link #slots} reads them. */
    private static final String SLOT =
            "s.appointment_id, s.referral_id, s.organisation, s.link_worker, s.start_at," + " s.status, s.sequence";

    /**
     * A link worker's appointments starting from {@code from}, earliest first. The feed follows the
     * caseload: the appointments of the referrals assigned to them, whoever each was booked with,
     * and of referrals no one holds, those booked with them. So a reassignment moves a referral's
     * appointments from the old link worker's calendar to the new one's. Two index lookups
     * (caseload by worker, then slots by referral; slots by worker), not one OR over a join.
     */
    List<Slot> forLinkWorker(String organisation, String linkWorker, Instant from, int limit) {
        return run(
                "SELECT * FROM (SELECT " + SLOT + " FROM caseload_assignment a JOIN appointment_slot s"
                        + " ON s.referral_id = a.referral_id WHERE a.organisation = ? AND a.link_worker = ?"
                        + " AND s.organisation = a.organisation AND s.start_at >= ?"
                        + " UNION ALL SELECT " + SLOT + " FROM appointment_slot s WHERE s.organisation = ?"
                        + " AND s.link_worker = ? AND s.start_at >= ? AND NOT EXISTS (SELECT 1 FROM"
                        + " caseload_assignment a WHERE a.referral_id = s.referral_id)) feed"
                        + " ORDER BY start_at, appointment_id LIMIT ?",
                ps -> {
                    ps.setString(1, organisation);
                    ps.setString(2, linkWorker);
                    ps.setLong(3, micros(from));
                    ps.setString(4, organisation);
                    ps.setString(5, linkWorker);
                    ps.setLong(6, micros(from));
                    ps.setInt(7, limit);
                    return slots(ps);
                });
    }

    void createFeed(String id, String secretHash, String organisation, String linkWorker, Instant now) {
        run(
                "INSERT INTO calendar_feed (id, secret_hash, organisation, link_worker, created_at) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, id);
                    ps.setString(2, secretHash);
                    ps.setString(3, organisation);
                    ps.setString(4, linkWorker);
                    ps.setLong(5, micros(now));
                    ps.executeUpdate();
                    return null;
                });
    }

    Optional<Feed> feedBySecret(String secretHash) {
        return run(
                "SELECT id, organisation, link_worker, created_at FROM calendar_feed WHERE secret_hash = ?"
                        + " AND revoked_at IS NULL",
                ps -> {
                    ps.setString(1, secretHash);
                    List<Feed> found = feeds(ps);
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
    }

    List<Feed> feedsOf(String organisation, String linkWorker) {
        return run(
                "SELECT id, organisation, link_worker, created_at FROM calendar_feed WHERE organisation = ?"
                        + " AND link_worker = ? AND revoked_at IS NULL ORDER BY created_at, id",
                ps -> {
                    ps.setString(1, organisation);
                    ps.setString(2, linkWorker);
                    return feeds(ps);
                });
    }

    /** Revokes the caller's own feed; false if it has no such feed (or it is revoked already). */
    boolean revoke(String id, String organisation, String linkWorker, Instant now) {
        return run(
                "UPDATE calendar_feed SET revoked_at = ? WHERE id = ? AND organisation = ? AND link_worker = ?"
                        + " AND revoked_at IS NULL",
                ps -> {
                    ps.setLong(1, micros(now));
                    ps.setString(2, id);
                    ps.setString(3, organisation);
                    ps.setString(4, linkWorker);
                    return ps.executeUpdate() == 1;
                });
    }

    private static List<Slot> slots(PreparedStatement ps) throws SQLException {
        List<Slot> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Slot(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getLong(5)),
                        rs.getString(6),
                        rs.getInt(7)));
            }
        }
        return out;
    }

    private static List<Feed> feeds(PreparedStatement ps) throws SQLException {
        List<Feed> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Feed(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getLong(4))));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, Statement<T> work) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(ps);
        } catch (SQLException e) {
            throw new StoreException("appointment tables: " + e.getMessage(), e);
        }
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
