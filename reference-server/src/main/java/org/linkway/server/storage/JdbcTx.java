package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * One transaction's statements. The same SQL serves SQLite and PostgreSQL (both have
 * {@code ON CONFLICT ... DO NOTHING}, {@code RETURNING} and row values); only the event-order
 * lock is PostgreSQL's own.
 *
 * <p>Expected refusals (a duplicate id, a used idempotency key, a stale version) are found
 * without a failing statement, so on PostgreSQL the transaction stays usable if the caller
 * catches them.
 */
final class JdbcTx implements Tx {

    static final String COLUMNS = "type, id, version, referral_id, status, referrer_org, body, created_at, updated_at";
    static final String EVENT_COLUMNS =
            "sequence, id, referral_id, type, resource_type, resource_id, resource_version, payload, created_at";
    static final int MAX_PAGE = 500;
    static final int MAX_EVENTS = 1000;
    /** Any constant: the key of the advisory lock that orders event appends on PostgreSQL. */
    private static final long EVENT_ORDER_LOCK = 0x4c696e6b77617945L;

    private final Connection c;
    private final Clock clock;
    private final boolean postgres;
    private final StatementCache cache; // null: prepare and close each statement
    private boolean holdsEventLock;

    JdbcTx(Connection c, Clock clock, String dialect) {
        this(c, clock, dialect, null);
    }

    /** With {@code cache}, statements are taken from it and left open for the next transaction. */
    JdbcTx(Connection c, Clock clock, String dialect, StatementCache cache) {
        this.c = c;
        this.clock = clock;
        this.postgres = JdbcStore.POSTGRESQL.equals(dialect);
        this.cache = cache;
    }

    /** For tests in this package: the connection this transaction runs on. */
    Connection connection() {
        return c;
    }

    @Override
    public Optional<StoredResource> get(String type, String id) {
        return one("SELECT " + COLUMNS + " FROM resource_latest WHERE type = ? AND id = ?", type, id);
    }

    @Override
    public Optional<StoredResource> getForShare(String type, String id) {
        return one(
                "SELECT " + COLUMNS + " FROM resource_latest WHERE type = ? AND id = ?"
                        + (postgres ? " FOR SHARE" : ""),
                type,
                id);
    }

    @Override
    public StoredResource create(NewResource n) {
        long now = micros();
        StoredResource r = new StoredResource(
                n.type(), n.id(), 1, n.referralId(), n.status(), n.referrerOrg(), n.body(), instant(now), instant(now));
        // a concurrent create of the same id waits for the other to finish, then inserts nothing
        if (insert("resource_latest", r, now, now, " ON CONFLICT (type, id) DO NOTHING") == 0) {
            throw new StoreException(n.type() + " " + n.id() + " already exists", null);
        }
        // version 1 lives in resource_latest only, until an update supersedes it: one copy of the body per create
        return r;
    }

    @Override
    public StoredResource update(ResourceRef expected, String status, String body) {
        String type = expected.type();
        String id = expected.id();
        long expectedVersion = expected.version();
        long now = micros();
        // the version being superseded joins the history first (a database written before this
        // scheme holds it already, hence DO NOTHING; so does a concurrent updater of the same version)
        execute(
                "INSERT INTO resource_version (" + COLUMNS + ") SELECT " + COLUMNS + " FROM resource_latest "
                        + "WHERE type = ? AND id = ? AND version = ? ON CONFLICT (type, id, version) DO NOTHING",
                type,
                id,
                expectedVersion);
        // the row lock taken here decides between concurrent updates: under READ COMMITTED the
        // loser re-reads the row once the winner commits, finds a new version, and changes nothing
        Optional<StoredResource> updated = one(
                "UPDATE resource_latest SET version = version + 1, status = ?, body = ?, updated_at = ? "
                        + "WHERE type = ? AND id = ? AND version = ? RETURNING " + COLUMNS,
                status,
                body,
                now,
                type,
                id,
                expectedVersion);
        if (updated.isEmpty()) {
            StoredResource current =
                    get(type, id).orElseThrow(() -> new NoSuchElementException("no " + type + " " + id));
            throw new VersionConflictException(type, id, expectedVersion, current.version());
        }
        return updated.get();
    }

    /**
     * {@inheritDoc}
     *
     * <p>resource_version holds the superseded versions and resource_latest the current one. A
     * database written before this scheme also has the current version in resource_version,
     * which the version filter leaves out.
     */
    @Override
    public List<StoredResource> history(String type, String id) {
        return many(
                "SELECT " + COLUMNS + " FROM resource_version WHERE type = ? AND id = ? "
                        + "AND version < (SELECT version FROM resource_latest WHERE type = ? AND id = ?) "
                        + "UNION ALL SELECT " + COLUMNS
                        + " FROM resource_latest WHERE type = ? AND id = ? ORDER BY version",
                type,
                id,
                type,
                id,
                type,
                id);
    }

    @Override
    public Page<StoredResource> list(ListQuery q) {
        return new ResourceListing(this, postgres).list(q);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On PostgreSQL the first append in a transaction takes a transaction-scoped advisory lock,
     * held until commit, before the sequence is drawn. Event-writing transactions therefore draw
     * and commit their sequences in the same order, so a reader following {@code eventsAfter}
     * never sees sequence n+1 while n is still to commit (which would make it skip n for good).
     * SQLite has one writer, so its order is that already.
     */
    @Override
    public StoredEvent appendEvent(NewEvent event) {
        if (postgres && !holdsEventLock) {
            try (Prepared s = prepare("SELECT pg_advisory_xact_lock(?)", EVENT_ORDER_LOCK);
                    ResultSet rs = s.statement().executeQuery()) {
                rs.next();
            } catch (SQLException e) {
                throw new StoreException("cannot take the event order lock", e);
            }
            holdsEventLock = true;
        }
        long now = micros();
        String id = UUID.randomUUID().toString();
        try (Prepared s = prepare(
                        "INSERT INTO event (id, referral_id, type, resource_type, resource_id, resource_version, "
                                + "payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence",
                        id,
                        event.referralId(),
                        event.type(),
                        event.resource().type(),
                        event.resource().id(),
                        event.resource().version(),
                        event.payload(),
                        now);
                ResultSet rs = s.statement().executeQuery()) {
            rs.next();
            return new StoredEvent(
                    rs.getLong(1),
                    id,
                    event.referralId(),
                    event.type(),
                    event.resource().type(),
                    event.resource().id(),
                    event.resource().version(),
                    event.payload(),
                    instant(now));
        } catch (SQLException e) {
            throw new StoreException("cannot append event", e);
        }
    }

    /** {@inheritDoc} At most {@value #MAX_EVENTS} at a time; a smaller limit is raised to 1. */
    @Override
    public List<StoredEvent> eventsAfter(long after, int limit) {
        return events(
                "SELECT " + EVENT_COLUMNS + " FROM event WHERE sequence > ? ORDER BY sequence LIMIT ?",
                after,
                Math.max(1, Math.min(MAX_EVENTS, limit)));
    }

    @Override
    public List<StoredEvent> eventsForReferral(String referralId) {
        return events("SELECT " + EVENT_COLUMNS + " FROM event WHERE referral_id = ? ORDER BY sequence", referralId);
    }

    @Override
    public Optional<IdempotencyRecord> idempotency(String key) {
        return new JdbcIdempotency(this).find(key);
    }

    /** {@inheritDoc} A key already saved, even by a transaction committing concurrently, is a {@link StoreException}. */
    @Override
    public void saveIdempotency(IdempotencyRecord r) {
        new JdbcIdempotency(this).save(r);
    }

    @Override
    public Webhooks webhooks() {
        return new JdbcWebhooks(this, clock, postgres);
    }

    @Override
    public FeedbackLog feedback() {
        return new JdbcFeedbackLog(this, postgres);
    }

    @Override
    public AuditTrail audit() {
        return new JdbcAudit(this, postgres);
    }

    @Override
    public ConsentDecisions consents() {
        return new JdbcConsentDecisions(this);
    }

    @Override
    public OverdueLog overdue() {
        return new JdbcOverdueLog(this);
    }

    // --- plumbing shared with this transaction's other stores (listing, idempotency, webhooks, audit)
    // -----------------------------------------------------------------------------

    private int insert(String table, StoredResource r, long createdAt, long updatedAt, String onConflict) {
        return execute(
                "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict,
                r.type(),
                r.id(),
                r.version(),
                r.referralId(),
                r.status(),
                r.referrerOrg(),
                r.body(),
                createdAt,
                updatedAt);
    }

    Optional<StoredResource> one(String sql, Object... args) {
        List<StoredResource> rows = many(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<StoredResource> many(String sql, Object... args) {
        try (Prepared s = prepare(sql, args);
                ResultSet rs = s.statement().executeQuery()) {
            List<StoredResource> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredResource(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs.getLong(8)),
                        instant(rs.getLong(9))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed", e);
        }
    }

    List<StoredEvent> events(String sql, Object... args) {
        try (Prepared s = prepare(sql, args);
                ResultSet rs = s.statement().executeQuery()) {
            List<StoredEvent> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        instant(rs.getLong(9))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed", e);
        }
    }

    /** Package-private so the other stores of a transaction ({@link JdbcWebhooks}) share its statements. */
    int execute(String sql, Object... args) {
        try (Prepared s = prepare(sql, args)) {
            return s.statement().executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        }
    }

    Prepared prepare(String sql, Object... args) throws SQLException {
        Prepared p = new Prepared(cache != null ? cache.get(sql) : c.prepareStatement(sql), cache == null);
        try {
            for (int i = 0; i < args.length; i++) {
                p.statement().setObject(i + 1, args[i]);
            }
            return p;
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }

    /** A statement with its parameters set; closing it closes the statement unless a cache keeps it. */
    record Prepared(PreparedStatement statement, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                statement.close();
            }
        }
    }

    long micros() {
        return toMicros(clock.instant());
    }

    /** Times are stored as microseconds since the epoch, UTC, in both dialects. */
    static long toMicros(Instant t) {
        // seconds first: between() goes through nanoseconds, which overflow for instants after 2262
        // (a far-future updatedSince= or since= filter); this holds until the year 294,000
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
