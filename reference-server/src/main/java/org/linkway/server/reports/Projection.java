package org.linkway.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    private static final List<String> CLOSED =
            List.of("completed", "declined", "unable-to-contact", "rejected", "cancelled");

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
        try (FactBatch b = new FactBatch(c)) {
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
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE report_cursor SET last_sequence = ? WHERE name = ?")) {
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
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO report_cursor (name, last_sequence) VALUES (?, 0) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, CURSOR);
            ps.executeUpdate();
        }
        // on PostgreSQL two servers may catch up at once: the row lock makes the second wait and then see the first's
        // progress
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM report_cursor WHERE name = ?"
                + (SqlAccess.isPostgres(store) ? " FOR UPDATE" : ""))) {
            ps.setString(1, CURSOR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void apply(Tx tx, FactBatch b, StoredEvent e) throws SQLException {
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
                if (again) {
                    f = f.asRereferral();
                }
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
                JsonNode contact = Json.MAPPER.readTree(r.get().body());
                String attempt = contact.path("attempt").asString(null);
                if (attempt == null || attempt.equals("made-contact")) {
                    // the contact's date as recorded (PRSB), not when it was typed in; the event's time only if it has
                    // none
                    Long dated = Facts.micros(Facts.text(contact.path("contact").path("dateAndTimeOfContact")));
                    b.saveReferral(old, old.withContact(dated == null ? at : dated));
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
            case "appointment.attended", "appointment.did-not-attend" -> foldAppointment(b, e, at);
            case "referral.overdue" -> foldOverdue(b, e, at);
            default -> {
                if ("OnwardReferral".equals(e.resourceType())) {
                    foldOnward(tx, b, e);
                }
            }
        }
    }

    /** An appointment's outcome is final and recorded once, so it adds one to its month's count and is never taken back. */
    private static void foldAppointment(FactBatch b, StoredEvent e, long at) throws SQLException {
        Facts.Referral of = b.referral(e.referralId());
        if (of == null) {
            return;
        }
        String start = Json.MAPPER.readTree(e.payload()).path("start").asString(null);
        long when = start == null ? at : micros(Instant.parse(start));
        b.adjust(
                List.of(),
                List.of(new Contributions.Key(
                        Section.APPOINTMENTS.id(),
                        Contributions.month(when),
                        of.referrerOrg(),
                        "",
                        e.type().substring("appointment.".length()))));
    }

    /** Each rule that fell due is raised once (the sweeper's guarantee), so each raise adds one to the month it fell due. */
    private static void foldOverdue(FactBatch b, StoredEvent e, long at) throws SQLException {
        Facts.Referral of = b.referral(e.referralId());
        if (of == null) {
            return;
        }
        JsonNode p = Json.MAPPER.readTree(e.payload());
        String rule = p.path("rule").asString(null);
        if (rule == null || !Section.OVERDUE.columns().contains(rule)) {
            return;
        }
        String due = p.path("dueAt").asString(null);
        long when;
        try {
            when = due == null ? at : micros(Instant.parse(due));
        } catch (RuntimeException unreadable) {
            when = at;
        }
        b.adjust(
                List.of(),
                List.of(new Contributions.Key(
                        Section.OVERDUE.id(), Contributions.month(when), of.referrerOrg(), "", rule)));
    }

    private void foldOnward(Tx tx, FactBatch b, StoredEvent e) throws SQLException {
        Facts.Referral of = b.referral(e.referralId());
        Optional<StoredResource> r = tx.get("OnwardReferral", e.resourceId());
        if (of == null || r.isEmpty()) {
            return;
        }
        Facts.Onward old = b.onward(e.resourceId());
        String category = old != null
                ? old.category()
                : Facts.onwardCategory(Json.MAPPER.readTree(r.get().body()));
        String status = e.type().equals("onward-referral.sent")
                ? "sent"
                : Json.MAPPER.readTree(e.payload()).path("status").asString(old == null ? "sent" : old.status());
        Facts.Onward next = new Facts.Onward(e.resourceId(), e.referralId(), category, status);
        b.adjust(Contributions.of(old, of), Contributions.of(next, of));
        b.onwards.put(next.onwardId(), Optional.of(next));
        b.dirtyOnwards.add(next.onwardId());
    }

    private void foldAssessment(FactBatch b, Facts.Referral of, StoredResource r, long eventAt) throws SQLException {
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
        // never a sender's own figures (an assessment stored before the server scored carries none, and counts for
        // nothing)
        Map<String, Double> recorded = RecordedScores.read(a);
        long at = a.getAdministeredAt() == null
                ? eventAt
                : a.getAdministeredAt()
                        .dateTime()
                        .map(t -> micros(t.toInstant()))
                        .orElseGet(() -> micros(a.getAdministeredAt()
                                .toLocalDate()
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)));
        for (ScoreDefinition s : instrument.get().scores()) {
            Double value = recorded.get(s.id());
            if (value == null) {
                continue;
            }
            Facts.Outcome old = b.outcome(of.referralId(), a.getInstrument(), s.id());
            Facts.Outcome next;
            if (old == null) {
                next = new Facts.Outcome(
                        of.referralId(),
                        a.getInstrument(),
                        s.id(),
                        s.better() == Direction.HIGHER ? 1 : -1,
                        1,
                        at,
                        value,
                        at,
                        value);
            } else {
                boolean earlier = at < old.firstAt();
                boolean later = at >= old.lastAt();
                next = new Facts.Outcome(
                        old.referralId(),
                        old.instrument(),
                        old.scoreId(),
                        old.better(),
                        old.administrations() + 1,
                        earlier ? at : old.firstAt(),
                        earlier ? value : old.firstValue(),
                        later ? at : old.lastAt(),
                        later ? value : old.lastValue());
            }
            b.adjust(Contributions.of(old, of), Contributions.of(next, of));
            String key = FactBatch.outcomeKey(next.referralId(), next.instrument(), next.scoreId());
            b.outcomes.put(key, Optional.of(next));
            b.dirtyOutcomes.add(key);
        }
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
