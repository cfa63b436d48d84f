package org.linkway.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The work of one transaction: facts read once and kept, changed facts and count deltas
 * written once at the end, statements prepared once. Nothing here outlives the transaction.
 */
final class FactBatch implements AutoCloseable {

    static final String REFERRAL_COLUMNS =
            "referral_id, received_at, referred_at, referrer_org, source, route, age_band, gender, ethnicity, gp_practice, needs, "
                    + "person_key, rereferral, status, engaged_at, declined_at, closed_at, first_contact_at, contacts";

    private final Connection c;
    final Map<String, Optional<Facts.Referral>> referrals = new HashMap<>();
    final Set<String> dirtyReferrals = new LinkedHashSet<>();
    final Map<String, Optional<Facts.Onward>> onwards = new HashMap<>();
    final Set<String> dirtyOnwards = new LinkedHashSet<>();
    final Map<String, Optional<Facts.Outcome>> outcomes = new HashMap<>();
    final Set<String> dirtyOutcomes = new LinkedHashSet<>();
    private final Map<String, Long> personsSeen = new HashMap<>();
    private final Map<Contributions.Key, Long> delta = new HashMap<>();
    private PreparedStatement loadReferral;
    private PreparedStatement person;

    FactBatch(Connection c) {
        this.c = c;
    }

    Facts.Referral referral(String id) throws SQLException {
        Optional<Facts.Referral> known = referrals.get(id);
        if (known == null) {
            if (loadReferral == null) {
                loadReferral = c.prepareStatement(
                        "SELECT " + REFERRAL_COLUMNS + " FROM report_referral WHERE referral_id = ?");
            }
            loadReferral.setString(1, id);
            try (ResultSet rs = loadReferral.executeQuery()) {
                known = Optional.ofNullable(
                        rs.next()
                                ? new Facts.Referral(
                                        rs.getString("referral_id"),
                                        rs.getLong("received_at"),
                                        rs.getLong("referred_at"),
                                        rs.getString("referrer_org"),
                                        rs.getString("source"),
                                        rs.getString("route"),
                                        rs.getString("age_band"),
                                        rs.getString("gender"),
                                        rs.getString("ethnicity"),
                                        rs.getString("gp_practice"),
                                        Arrays.asList(rs.getString("needs").split(" ")),
                                        rs.getString("person_key"),
                                        rs.getInt("rereferral") == 1,
                                        rs.getString("status"),
                                        getLong(rs, "engaged_at"),
                                        getLong(rs, "declined_at"),
                                        getLong(rs, "closed_at"),
                                        getLong(rs, "first_contact_at"),
                                        rs.getInt("contacts"))
                                : null);
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
            person = c.prepareStatement(
                    "SELECT 1 FROM report_referral WHERE person_key = ? AND received_at <= ? LIMIT 1");
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
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT onward_id, referral_id, category, status FROM report_onward WHERE onward_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    known = Optional.ofNullable(
                            rs.next()
                                    ? new Facts.Onward(
                                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))
                                    : null);
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
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT better, administrations, first_at, first_value, last_at, last_value "
                            + "FROM report_outcome WHERE referral_id = ? AND instrument = ? AND score_id = ?")) {
                ps.setString(1, referralId);
                ps.setString(2, instrument);
                ps.setString(3, scoreId);
                try (ResultSet rs = ps.executeQuery()) {
                    known = Optional.ofNullable(
                            rs.next()
                                    ? new Facts.Outcome(
                                            referralId,
                                            instrument,
                                            scoreId,
                                            rs.getInt(1),
                                            rs.getInt(2),
                                            rs.getLong(3),
                                            rs.getDouble(4),
                                            rs.getLong(5),
                                            rs.getDouble(6))
                                    : null);
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
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO report_referral (" + REFERRAL_COLUMNS + ") VALUES "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO UPDATE SET status = excluded.status, "
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report_onward (onward_id, referral_id, category, status) VALUES (?, ?, ?, ?) "
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report_outcome (referral_id, instrument, score_id, better, administrations, "
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report_count (section, month, referrer_org, row_key, category, n) "
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

    static void bindReferral(PreparedStatement ps, Facts.Referral f) throws SQLException {
        int i = 1;
        ps.setString(i++, f.referralId());
        ps.setLong(i++, f.receivedAt());
        ps.setLong(i++, f.referredAt());
        ps.setString(i++, f.referrerOrg());
        ps.setString(i++, f.source());
        ps.setString(i++, f.route());
        ps.setString(i++, f.ageBand());
        ps.setString(i++, f.gender());
        ps.setString(i++, f.ethnicity());
        ps.setString(i++, f.gpPractice());
        ps.setString(i++, String.join(" ", f.needs()));
        ps.setString(i++, f.personKey());
        ps.setInt(i++, f.rereferral() ? 1 : 0);
        ps.setString(i++, f.status());
        setLong(ps, i++, f.engagedAt());
        setLong(ps, i++, f.declinedAt());
        setLong(ps, i++, f.closedAt());
        setLong(ps, i++, f.firstContactAt());
        ps.setInt(i, f.contacts());
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
}
