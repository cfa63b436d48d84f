package org.linkway.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linkway.model.Assessment;
import org.linkway.outcomes.Direction;
import org.linkway.outcomes.Instrument;
import org.linkway.outcomes.InstrumentCatalogue;
import org.linkway.outcomes.RecordedScores;
import org.linkway.outcomes.ScoreDefinition;
import org.linkway.server.http.Json;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoreException;
import org.linkway.server.storage.StoredEvent;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;

import tools.jackson.databind.JsonNode;

/**
 * Folds the event table into the report tables, from where it last stopped, in batches. Every
 * count a report shows is therefore reproducible from the events: drop the report tables'
 * rows, set the cursor to 0, and catching up rebuilds them.
 */
final class Projection {

    static final String CURSOR = "reports";
    private static final int BATCH = 1000; // the most events one read of the event table returns
    /** Events folded per transaction: enough to amortise the writes, few enough not to hold SQLite's one writer for long. */
    private static final int READS_PER_TRANSACTION = 5;
    private static final List<String> CLOSED = List.of("completed", "declined", "unable-to-contact", "rejected", "cancelled");

    private final Store store;

    /** Loaded at the first assessment folded in, not while the routes are built: reading the catalogue is start-up's cost otherwise. */
    private static final class Catalogue {
        static final InstrumentCatalogue STANDARD = InstrumentCatalogue.standard();
    }

    Projection(Store store) {
        this.store = store;
    }

    /** Folds in every event committed so far; returns the last event sequence folded in. */
    long catchUp() {
        while (true) {
            long[] progress = store.transaction(this::batch);
            if (progress[1] < (long) BATCH * READS_PER_TRANSACTION) {
                return progress[0];
            }
        }
    }

    /** One transaction: up to READS_PER_TRANSACTION reads of BATCH events; answers {last sequence, events folded}. */
    private long[] batch(Tx tx) {
        Connection c = SqlAccess.connection(tx);
        try (Batch b = new Batch(c)) {
            long cursor = cursor(c);
            int folded = 0;
            for (int read = 0; read < READS_PER_TRANSACTION; read++) {
                List<StoredEvent> events = tx.eventsAfter(cursor, BATCH);
                for (StoredEvent e : events) {
                    apply(tx, b, e);
                    cursor = e.sequence();
                }
                folded += events.size();
                if (events.size() < BATCH) {
                    break;
                }
            }
            if (folded > 0) {
                b.flush();
                try (PreparedStatement ps = c.prepareStatement("UPDATE report_cursor SET last_sequence = ? WHERE name = ?")) {
                    ps.setLong(1, cursor);
                    ps.setString(2, CURSOR);
                    ps.executeUpdate();
                }
            }
            return new long[] {cursor, folded};
        } catch (SQLException e) {
            throw new StoreException("cannot fold events into the report tables", e);
        }
    }

    private long cursor(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_cursor (name, last_sequence) VALUES (?, 0) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, CURSOR);
            ps.executeUpdate();
        }
        // on PostgreSQL two servers may catch up at once: the row lock makes the second wait and then see the first's progress
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM report_cursor WHERE name = ?" + (SqlAccess.isPostgres(store) ? " FOR UPDATE" : ""))) {
            ps.setString(1, CURSOR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void apply(Tx tx, Batch b, StoredEvent e) throws SQLException {
        long at = micros(e.at());
        switch (e.type()) {
            case "referral.received" -> {
                Optional<StoredResource> r = tx.get("Referral", e.resourceId());
                if (r.isEmpty() || b.referral(e.resourceId()) != null) {
                    return;
                }
                JsonNode doc = Json.MAPPER.readTree(r.get().body());
                Facts.Referral f = Facts.referral(e.resourceId(), at, r.get().referrerOrg(), doc);
                boolean again = f.personKey() != null && b.referredBefore(f.personKey(), at);
                f = new Facts.Referral(f.referralId(), f.receivedAt(), f.referrerOrg(), f.source(), f.route(), f.ageBand(), f.gender(),
                        f.ethnicity(), f.needs(), f.personKey(), again, f.status(), null, null, null, null, 0);
                b.saveReferral(null, f);
            }
            case "referral.status-changed" -> {
                Facts.Referral old = b.referral(e.referralId());
                String to = Json.MAPPER.readTree(e.payload()).path("to").asString(null);
                if (old == null || to == null) {
                    return;
                }
                Long engaged = old.engagedAt() == null && to.equals("in-progress") ? Long.valueOf(at) : old.engagedAt();
                Long declined = old.declinedAt() == null && to.equals("declined") ? Long.valueOf(at) : old.declinedAt();
                Long closed = old.closedAt() == null && CLOSED.contains(to) ? Long.valueOf(at) : old.closedAt();
                b.saveReferral(old, old.withStatus(to).withTimes(engaged, declined, closed));
            }
            case "contact.recorded" -> {
                Facts.Referral old = b.referral(e.referralId());
                Optional<StoredResource> r = tx.get("ContactRecord", e.resourceId());
                if (old == null || r.isEmpty()) {
                    return;
                }
                String attempt = Json.MAPPER.readTree(r.get().body()).path("attempt").asString(null);
                if (attempt == null || attempt.equals("made-contact")) {
                    b.saveReferral(old, old.withContact(at));
                }
            }
            case "assessment.recorded" -> {
                Facts.Referral of = b.referral(e.referralId());
                Optional<StoredResource> r = tx.get("Assessment", e.resourceId());
                if (of == null || r.isEmpty()) {
                    return;
                }
                foldAssessment(b, of, r.get(), at);
            }
            default -> {
                if ("OnwardReferral".equals(e.resourceType())) {
                    foldOnward(tx, b, e);
                }
            }
        }
    }

    private void foldOnward(Tx tx, Batch b, StoredEvent e) throws SQLException {
        Facts.Referral of = b.referral(e.referralId());
        Optional<StoredResource> r = tx.get("OnwardReferral", e.resourceId());
        if (of == null || r.isEmpty()) {
            return;
        }
        Facts.Onward old = b.onward(e.resourceId());
        String category = old != null ? old.category() : Facts.onwardCategory(Json.MAPPER.readTree(r.get().body()));
        String status = e.type().equals("onward-referral.sent") ? "sent"
                : Json.MAPPER.readTree(e.payload()).path("status").asString(old == null ? "sent" : old.status());
        Facts.Onward next = new Facts.Onward(e.resourceId(), e.referralId(), category, status);
        b.adjust(Contributions.of(old, of), Contributions.of(next, of));
        b.onwards.put(next.onwardId(), Optional.of(next));
        b.dirtyOnwards.add(next.onwardId());
    }

    private void foldAssessment(Batch b, Facts.Referral of, StoredResource r, long eventAt) throws SQLException {
        Assessment a;
        try {
            a = Json.MAPPER.readValue(r.body(), Assessment.class);
        } catch (RuntimeException unreadable) {
            return; // stored documents were validated on the way in; one that cannot be read is left out, not guessed
        }
        Optional<Instrument> instrument = Catalogue.STANDARD.find(a.getInstrument());
        if (instrument.isEmpty()) {
            return;
        }
        // the scores the server computed and stored when it accepted the assessment: never recomputed here,
        // never a sender's own figures (an assessment stored before the server scored carries none, and counts for nothing)
        Map<String, Double> recorded = RecordedScores.read(a);
        long at = a.getAdministeredAt() == null ? eventAt : a.getAdministeredAt().dateTime()
                .map(t -> micros(t.toInstant())).orElseGet(() -> micros(a.getAdministeredAt().toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC)));
        for (ScoreDefinition s : instrument.get().scores()) {
            Double value = recorded.get(s.id());
            if (value == null) {
                continue;
            }
            Facts.Outcome old = b.outcome(of.referralId(), a.getInstrument(), s.id());
            Facts.Outcome next;
            if (old == null) {
                next = new Facts.Outcome(of.referralId(), a.getInstrument(), s.id(), s.better() == Direction.HIGHER ? 1 : -1, 1, at, value, at, value);
            } else {
                boolean earlier = at < old.firstAt();
                boolean later = at >= old.lastAt();
                next = new Facts.Outcome(old.referralId(), old.instrument(), old.scoreId(), old.better(), old.administrations() + 1,
                        earlier ? at : old.firstAt(), earlier ? value : old.firstValue(),
                        later ? at : old.lastAt(), later ? value : old.lastValue());
            }
            b.adjust(Contributions.of(old, of), Contributions.of(next, of));
            String key = Batch.outcomeKey(next.referralId(), next.instrument(), next.scoreId());
            b.outcomes.put(key, Optional.of(next));
            b.dirtyOutcomes.add(key);
        }
    }

    static final String REFERRAL_COLUMNS = "referral_id, received_at, referrer_org, source, route, age_band, gender, ethnicity, needs, "
            + "person_key, rereferral, status, engaged_at, declined_at, closed_at, first_contact_at, contacts";

    /**
     * The work of one transaction: facts read once and kept, changed facts and count deltas
     * written once at the end, statements prepared once. Nothing here outlives the transaction.
     */
    static final class Batch implements AutoCloseable {
        private final Connection c;
        final Map<String, Optional<Facts.Referral>> referrals = new HashMap<>();
        final java.util.Set<String> dirtyReferrals = new java.util.LinkedHashSet<>();
        final Map<String, Optional<Facts.Onward>> onwards = new HashMap<>();
        final java.util.Set<String> dirtyOnwards = new java.util.LinkedHashSet<>();
        final Map<String, Optional<Facts.Outcome>> outcomes = new HashMap<>();
        final java.util.Set<String> dirtyOutcomes = new java.util.LinkedHashSet<>();
        private final Map<String, Long> personsSeen = new HashMap<>();
        private final Map<Contributions.Key, Long> delta = new HashMap<>();
        private PreparedStatement loadReferral;
        private PreparedStatement person;

        Batch(Connection c) {
            this.c = c;
        }

        Facts.Referral referral(String id) throws SQLException {
            Optional<Facts.Referral> known = referrals.get(id);
            if (known == null) {
                if (loadReferral == null) {
                    loadReferral = c.prepareStatement("SELECT " + REFERRAL_COLUMNS + " FROM report_referral WHERE referral_id = ?");
                }
                loadReferral.setString(1, id);
                try (ResultSet rs = loadReferral.executeQuery()) {
                    known = Optional.ofNullable(rs.next() ? new Facts.Referral(rs.getString("referral_id"), rs.getLong("received_at"),
                            rs.getString("referrer_org"), rs.getString("source"), rs.getString("route"), rs.getString("age_band"),
                            rs.getString("gender"), rs.getString("ethnicity"), Arrays.asList(rs.getString("needs").split(" ")),
                            rs.getString("person_key"), rs.getInt("rereferral") == 1, rs.getString("status"), getLong(rs, "engaged_at"),
                            getLong(rs, "declined_at"), getLong(rs, "closed_at"), getLong(rs, "first_contact_at"), rs.getInt("contacts")) : null);
                }
                referrals.put(id, known);
            }
            return known.orElse(null);
        }

        void saveReferral(Facts.Referral old, Facts.Referral next) {
            adjust(Contributions.of(old), Contributions.of(next));
            referrals.put(next.referralId(), Optional.of(next));
            dirtyReferrals.add(next.referralId());
            if (old == null && next.personKey() != null) {
                personsSeen.merge(next.personKey(), next.receivedAt(), Math::min);
            }
        }

        boolean referredBefore(String personKey, long at) throws SQLException {
            Long inBatch = personsSeen.get(personKey);
            if (inBatch != null && inBatch <= at) {
                return true;
            }
            if (person == null) {
                person = c.prepareStatement("SELECT 1 FROM report_referral WHERE person_key = ? AND received_at <= ? LIMIT 1");
            }
            person.setString(1, personKey);
            person.setLong(2, at);
            try (ResultSet rs = person.executeQuery()) {
                return rs.next();
            }
        }

        Facts.Onward onward(String id) throws SQLException {
            Optional<Facts.Onward> known = onwards.get(id);
            if (known == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT onward_id, referral_id, category, status FROM report_onward WHERE onward_id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        known = Optional.ofNullable(rs.next() ? new Facts.Onward(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null);
                    }
                }
                onwards.put(id, known);
            }
            return known.orElse(null);
        }

        static String outcomeKey(String referralId, String instrument, String scoreId) {
            return referralId + "\u0000" + instrument + "\u0000" + scoreId;
        }

        Facts.Outcome outcome(String referralId, String instrument, String scoreId) throws SQLException {
            String key = outcomeKey(referralId, instrument, scoreId);
            Optional<Facts.Outcome> known = outcomes.get(key);
            if (known == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT better, administrations, first_at, first_value, last_at, last_value "
                        + "FROM report_outcome WHERE referral_id = ? AND instrument = ? AND score_id = ?")) {
                    ps.setString(1, referralId);
                    ps.setString(2, instrument);
                    ps.setString(3, scoreId);
                    try (ResultSet rs = ps.executeQuery()) {
                        known = Optional.ofNullable(rs.next() ? new Facts.Outcome(referralId, instrument, scoreId, rs.getInt(1), rs.getInt(2),
                                rs.getLong(3), rs.getDouble(4), rs.getLong(5), rs.getDouble(6)) : null);
                    }
                }
                outcomes.put(key, known);
            }
            return known.orElse(null);
        }

        /** Subtracts what a row contributed before and adds what it contributes now. */
        void adjust(List<Contributions.Key> before, List<Contributions.Key> after) {
            before.forEach(k -> delta.merge(k, -1L, Long::sum));
            after.forEach(k -> delta.merge(k, 1L, Long::sum));
        }

        /** Writes the changed facts and the summed count changes. */
        void flush() throws SQLException {
            if (!dirtyReferrals.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_referral (" + REFERRAL_COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO UPDATE SET status = excluded.status, "
                        + "engaged_at = excluded.engaged_at, declined_at = excluded.declined_at, closed_at = excluded.closed_at, "
                        + "first_contact_at = excluded.first_contact_at, contacts = excluded.contacts")) {
                    for (String id : dirtyReferrals) {
                        bindReferral(ps, referrals.get(id).orElseThrow());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!dirtyOnwards.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_onward (onward_id, referral_id, category, status) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (onward_id) DO UPDATE SET status = excluded.status")) {
                    for (String id : dirtyOnwards) {
                        Facts.Onward o = onwards.get(id).orElseThrow();
                        ps.setString(1, o.onwardId());
                        ps.setString(2, o.referralId());
                        ps.setString(3, o.category());
                        ps.setString(4, o.status());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!dirtyOutcomes.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_outcome (referral_id, instrument, score_id, better, administrations, "
                        + "first_at, first_value, last_at, last_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_id, instrument, score_id) "
                        + "DO UPDATE SET administrations = excluded.administrations, first_at = excluded.first_at, first_value = excluded.first_value, "
                        + "last_at = excluded.last_at, last_value = excluded.last_value")) {
                    for (String key : dirtyOutcomes) {
                        Facts.Outcome o = outcomes.get(key).orElseThrow();
                        ps.setString(1, o.referralId());
                        ps.setString(2, o.instrument());
                        ps.setString(3, o.scoreId());
                        ps.setInt(4, o.better());
                        ps.setInt(5, o.administrations());
                        ps.setLong(6, o.firstAt());
                        ps.setDouble(7, o.firstValue());
                        ps.setLong(8, o.lastAt());
                        ps.setDouble(9, o.lastValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            List<Map.Entry<Contributions.Key, Long>> changes = new ArrayList<>();
            delta.entrySet().stream().filter(x -> x.getValue() != 0).forEach(changes::add);
            if (!changes.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_count (section, month, referrer_org, row_key, category, n) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (section, month, referrer_org, row_key, category) DO UPDATE SET n = report_count.n + excluded.n")) {
                    for (Map.Entry<Contributions.Key, Long> x : changes) {
                        Contributions.Key k = x.getKey();
                        ps.setString(1, k.section());
                        ps.setString(2, k.month());
                        ps.setString(3, k.org());
                        ps.setString(4, k.rowKey());
                        ps.setString(5, k.category());
                        ps.setLong(6, x.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            if (loadReferral != null) {
                loadReferral.close();
            }
            if (person != null) {
                person.close();
            }
        }
    }

    static void bindReferral(PreparedStatement ps, Facts.Referral f) throws SQLException {
        ps.setString(1, f.referralId());
        ps.setLong(2, f.receivedAt());
        ps.setString(3, f.referrerOrg());
        ps.setString(4, f.source());
        ps.setString(5, f.route());
        ps.setString(6, f.ageBand());
        ps.setString(7, f.gender());
        ps.setString(8, f.ethnicity());
        ps.setString(9, String.join(" ", f.needs()));
        ps.setString(10, f.personKey());
        ps.setInt(11, f.rereferral() ? 1 : 0);
        ps.setString(12, f.status());
        setLong(ps, 13, f.engagedAt());
        setLong(ps, 14, f.declinedAt());
        setLong(ps, 15, f.closedAt());
        setLong(ps, 16, f.firstContactAt());
        ps.setInt(17, f.contacts());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
