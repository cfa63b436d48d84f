package org.linkway.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Webhooks} on the transaction's connection. On PostgreSQL, scanning and claiming lock
 * rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent dispatchers in other server instances
 * pass over what one of them is working on instead of waiting for it or doing it twice. SQLite
 * has one writer, so the same statements without the lock clause are already exclusive.
 */
final class JdbcWebhooks implements Webhooks {

    private static final String SUBSCRIPTION_COLUMNS =
            "id, url, types, referrer_org, secret, start_after, created_at, organisation";
    private static final int SUBSCRIPTION_COLUMN_COUNT = SUBSCRIPTION_COLUMNS.split(",").length;

    /** Bounds the statement; past this many full subscriptions, the rest are held back row by row instead. */
    private static final int MAX_SKIPPED = 200;

    private final JdbcTx tx;
    private final Clock clock;
    private final String skipLocked;

    /** Runs on the transaction's own connection and statements. */
    JdbcWebhooks(JdbcTx tx, Clock clock, boolean postgres) {
        this.tx = tx;
        this.clock = clock;
        this.skipLocked = postgres ? " FOR UPDATE SKIP LOCKED" : "";
    }

    @Override
    public Subscription createSubscription(NewSubscription s) {
        long start = s.after() != null ? s.after() : latestSequence();
        long now = now();
        tx.execute(
                "INSERT INTO subscription (id, url, types, referrer_org, secret, start_after, scanned_to, created_at, organisation) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.url(),
                s.types().isEmpty() ? null : String.join(" ", s.types()),
                s.referrerOrg(),
                s.secret(),
                start,
                start,
                now,
                s.organisation());
        return new Subscription(
                s.id(), s.url(), s.types(), s.referrerOrg(), s.secret(), start, JdbcTx.instant(now), s.organisation());
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        List<Subscription> found = subscriptions(
                "SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription WHERE id = ? AND deleted_at IS NULL", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Subscription> subscriptions() {
        return subscriptions("SELECT " + SUBSCRIPTION_COLUMNS
                + " FROM subscription WHERE deleted_at IS NULL ORDER BY created_at, id");
    }

    @Override
    public boolean deleteSubscription(String id) {
        if (tx.execute("UPDATE subscription SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", now(), id) == 0) {
            return false;
        }
        tx.execute("DELETE FROM delivery WHERE subscription_id = ? AND state = 'pending'", id);
        return true;
    }

    @Override
    public DeliveryStats stats(String subscriptionId) {
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT "
                                + "SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END), "
                                + "MAX(last_attempt_at), MAX(delivered_at), MIN(CASE WHEN state = 'pending' THEN next_attempt_at END) "
                                + "FROM delivery WHERE subscription_id = ?",
                        subscriptionId);
                ResultSet rs = s.statement().executeQuery()) {
            rs.next();
            String lastError = null;
            try (JdbcTx.Prepared e = tx.prepare(
                            "SELECT last_error FROM delivery WHERE subscription_id = ? AND state = 'pending' "
                                    + "AND last_error IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1",
                            subscriptionId);
                    ResultSet er = e.statement().executeQuery()) {
                if (er.next()) {
                    lastError = er.getString(1);
                }
            }
            return new DeliveryStats(
                    rs.getLong(1),
                    rs.getLong(2),
                    instantOrNull(rs, 3),
                    instantOrNull(rs, 4),
                    lastError,
                    instantOrNull(rs, 5));
        } catch (SQLException e) {
            throw new StoreException("cannot read delivery statistics", e);
        }
    }

    @Override
    public int scan(int maxEvents) {
        long latest = latestSequence();
        record Behind(Subscription subscription, long scannedTo) {}
        List<Behind> behind = new ArrayList<>();
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT " + SUBSCRIPTION_COLUMNS + ", scanned_to FROM subscription "
                                + "WHERE deleted_at IS NULL AND scanned_to < ?" + skipLocked,
                        latest);
                ResultSet rs = s.statement().executeQuery()) {
            while (rs.next()) {
                behind.add(new Behind(subscription(rs), rs.getLong(SUBSCRIPTION_COLUMN_COUNT + 1)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read subscriptions", e);
        }
        int made = 0;
        for (Behind b : behind) {
            long last = b.scannedTo();
            try (JdbcTx.Prepared s = tx.prepare(
                            "SELECT e.sequence, e.referral_id, e.type, r.referrer_org FROM event e "
                                    + "LEFT JOIN resource_latest r ON r.type = 'Referral' AND r.id = e.referral_id "
                                    + "WHERE e.sequence > ? ORDER BY e.sequence LIMIT ?",
                            last,
                            maxEvents);
                    ResultSet rs = s.statement().executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    if (b.subscription().wants(rs.getString(3), rs.getString(4))) {
                        made += tx.execute(
                                "INSERT INTO delivery (subscription_id, event_sequence, referral_id, state, attempts, "
                                        + "next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT DO NOTHING",
                                b.subscription().id(),
                                last,
                                rs.getString(2),
                                now());
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot scan events", e);
            }
            tx.execute(
                    "UPDATE subscription SET scanned_to = ? WHERE id = ?",
                    last,
                    b.subscription().id());
        }
        return made;
    }

    @Override
    public List<DueDelivery> claim(int limit, Duration lease, Map<String, Integer> room, int otherwise) {
        long now = now();
        record Claimed(String subscriptionId, long sequence, int attempts) {}
        List<String> full = room.entrySet().stream()
                .filter(e -> e.getValue() <= 0)
                .map(Map.Entry::getKey)
                .sorted()
                .limit(MAX_SKIPPED)
                .toList();
        List<Object> args = new ArrayList<>();
        args.add(now);
        args.addAll(full);
        args.add(limit);
        Map<String, Integer> left = new HashMap<>(room);
        List<Claimed> claimed = new ArrayList<>();
        // the NOT EXISTS sees a pending earlier event even while another dispatcher holds its row,
        // so a referral's next event waits until the one before it is acknowledged
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT d.subscription_id, d.event_sequence, d.attempts FROM delivery d "
                                + "WHERE d.state = 'pending' AND d.next_attempt_at <= ? "
                                + (full.isEmpty()
                                        ? ""
                                        : "AND d.subscription_id NOT IN ("
                                                + String.join(", ", Collections.nCopies(full.size(), "?"))
                                                + ") ")
                                + "AND NOT EXISTS (SELECT 1 FROM delivery p "
                                + "WHERE p.subscription_id = d.subscription_id AND p.referral_id = d.referral_id AND p.state = 'pending' "
                                + "AND p.event_sequence < d.event_sequence) ORDER BY d.next_attempt_at, d.event_sequence LIMIT ?"
                                + (skipLocked.isEmpty() ? "" : " FOR UPDATE OF d SKIP LOCKED"),
                        args.toArray());
                ResultSet rs = s.statement().executeQuery()) {
            while (rs.next()) {
                String subscription = rs.getString(1);
                // past its room, a row is left as it was: unclaimed, due, for a later round
                int rest = left.getOrDefault(subscription, otherwise);
                if (rest > 0) {
                    left.put(subscription, rest - 1);
                    claimed.add(new Claimed(subscription, rs.getLong(2), rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot claim deliveries", e);
        }
        Map<String, Optional<Subscription>> subscriptions = new HashMap<>();
        List<DueDelivery> due = new ArrayList<>();
        for (Claimed d : claimed) {
            tx.execute(
                    "UPDATE delivery SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ? "
                            + "WHERE subscription_id = ? AND event_sequence = ?",
                    now,
                    now + lease.toNanos() / 1000,
                    d.subscriptionId(),
                    d.sequence());
            Optional<Subscription> sub = subscriptions.computeIfAbsent(d.subscriptionId(), this::subscription);
            Optional<StoredEvent> event = event(d.sequence());
            if (sub.isPresent() && event.isPresent()) {
                due.add(new DueDelivery(
                        d.subscriptionId(), sub.get().url(), sub.get().secret(), d.attempts() + 1, event.get()));
            }
        }
        return due;
    }

    @Override
    public void delivered(String subscriptionId, long eventSequence, int httpStatus) {
        tx.execute(
                "UPDATE delivery SET state = 'delivered', delivered_at = ?, last_status = ?, last_error = NULL "
                        + "WHERE subscription_id = ? AND event_sequence = ?",
                now(),
                httpStatus,
                subscriptionId,
                eventSequence);
    }

    @Override
    public void failed(
            String subscriptionId, long eventSequence, Integer httpStatus, String error, Instant nextAttemptAt) {
        tx.execute(
                "UPDATE delivery SET next_attempt_at = ?, last_status = ?, last_error = ? "
                        + "WHERE subscription_id = ? AND event_sequence = ? AND state = 'pending'",
                JdbcTx.toMicros(nextAttemptAt),
                httpStatus,
                error,
                subscriptionId,
                eventSequence);
    }

    @Override
    public int pruneDelivered(Instant before) {
        return tx.execute(
                "DELETE FROM delivery WHERE state = 'delivered' AND delivered_at < ?", JdbcTx.toMicros(before));
    }

    // --- plumbing -----------------------------------------------------------------------------

    private long latestSequence() {
        try (JdbcTx.Prepared s = tx.prepare("SELECT COALESCE(MAX(sequence), 0) FROM event");
                ResultSet rs = s.statement().executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the latest event", e);
        }
    }

    private Optional<StoredEvent> event(long sequence) {
        return tx.events("SELECT " + JdbcTx.EVENT_COLUMNS + " FROM event WHERE sequence = ?", sequence).stream()
                .findFirst();
    }

    private List<Subscription> subscriptions(String sql, Object... args) {
        try (JdbcTx.Prepared s = tx.prepare(sql, args);
                ResultSet rs = s.statement().executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                out.add(subscription(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read subscriptions", e);
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        String types = rs.getString(3);
        return new Subscription(
                rs.getString(1),
                rs.getString(2),
                types == null ? List.of() : Arrays.asList(types.split(" ")),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                JdbcTx.instant(rs.getLong(7)),
                rs.getString(8));
    }

    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : JdbcTx.instant(v);
    }

    private long now() {
        return JdbcTx.toMicros(clock.instant());
    }
}
