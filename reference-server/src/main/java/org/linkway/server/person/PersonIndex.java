package org.linkway.server.person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.StoreException;
import org.linkway.server.storage.Tx;

/**
 * The person match keys of referrals ({@code person_match}, migration V11): written when a
 * referral is received, read to find the same person's other referrals in the same receiving
 * organisation by an index lookup, never by reading the referrals. Keys are SHA-256 hashes of
 * {@link PersonKey}'s normalised forms, so the table holds no names.
 */
public final class PersonIndex {

    /** The states in which a referral is still open (see referral.Lifecycle). */
    public static final Set<String> OPEN = Set.of("received", "accepted", "in-progress");

    /**
     * Another referral of the same person.
     *
     * @param id          its id
     * @param status      its state now
     * @param referrerOrg who sent it
     * @param receivedAt  when it was received, microseconds since the epoch
     * @param body        the stored referral, when the query read it, else null
     */
    public record Match(String id, String status, String referrerOrg, long receivedAt, String body) {
        public boolean open() {
            return OPEN.contains(status);
        }
    }

    private static final String MATCHES =
            "SELECT DISTINCT r.id, r.status, r.referrer_org, r.created_at FROM person_match m "
                    + "JOIN resource_latest r ON r.type = 'Referral' AND r.id = m.referral_id "
                    + "WHERE m.organisation = ? AND (m.match_key = ? OR (m.match_key = ? AND m.has_nhs = 0)) "
                    + "AND m.referral_id <> ? ORDER BY r.created_at, r.id";

    private PersonIndex() {}

    /** Every referral of this person addressed to {@code organisation} apart from {@code except}, oldest first. */
    public static List<Match> samePerson(Tx tx, String organisation, PersonKey key, String except) {
        if (organisation == null || !key.identifies()) {
            return List.of();
        }
        // with an NHS number: that number, or the details of a referral that has none; without: the details
        String first = key.nhsNumber() != null ? key.nhsHash() : key.personHash();
        String second = key.nhsNumber() != null ? key.personHash() : null;
        List<Match> out = new ArrayList<>();
        try (PreparedStatement s = connection(tx).prepareStatement(MATCHES)) {
            s.setString(1, organisation);
            s.setString(2, first);
            s.setString(3, second);
            s.setString(4, except == null ? "" : except);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Match(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), null));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up the person's other referrals", e);
        }
        return out;
    }

    /** Records a received referral's keys; nothing when nothing identifies the person. */
    public static void record(
            Tx tx, String referralId, String organisation, String referrerOrg, PersonKey key, long receivedAt) {
        if (organisation == null || !key.identifies()) {
            return;
        }
        try (PreparedStatement s = connection(tx)
                .prepareStatement("INSERT INTO person_match (referral_id, organisation, referrer_org, match_key, "
                        + "has_nhs, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String hash : new String[] {key.nhsHash(), key.personHash()}) {
                if (hash != null) {
                    s.setString(1, referralId);
                    s.setString(2, organisation);
                    s.setString(3, referrerOrg);
                    s.setString(4, hash);
                    s.setInt(5, key.nhsNumber() != null ? 1 : 0);
                    s.setLong(6, receivedAt);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the referral's person keys", e);
        }
    }

    /**
     * Referrals carrying this NHS number, oldest first, limited to those addressed to
     * {@code addresseeOrg} and/or sent by {@code referrerOrg} (null: no limit), in state
     * {@code status} (null: any).
     */
    public static Page<Match> byNhsNumber(
            Tx tx, String nhsHash, String addresseeOrg, String referrerOrg, String status, Keyset after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.status, r.referrer_org, r.created_at, r.body "
                + "FROM person_match m JOIN resource_latest r ON r.type = 'Referral' AND r.id = m.referral_id "
                + "WHERE m.match_key = ?");
        List<Object> args = new ArrayList<>();
        args.add(nhsHash);
        if (addresseeOrg != null) {
            sql.append(" AND m.organisation = ?");
            args.add(addresseeOrg);
        }
        if (referrerOrg != null) {
            sql.append(" AND m.referrer_org = ?");
            args.add(referrerOrg);
        }
        if (status != null) {
            sql.append(" AND r.status = ?");
            args.add(status);
        }
        if (after != null) {
            sql.append(" AND (r.created_at > ? OR (r.created_at = ? AND r.id > ?))");
            args.add(after.micros());
            args.add(after.micros());
            args.add(after.id());
        }
        sql.append(" ORDER BY r.created_at, r.id LIMIT ?");
        args.add(limit + 1);
        List<Match> found = new ArrayList<>();
        try (PreparedStatement s = connection(tx).prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Match(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot search referrals by NHS number", e);
        }
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<Match> page = found.subList(0, limit);
        Match last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new Keyset(last.receivedAt(), last.id()).encode());
    }

    private static Connection connection(Tx tx) {
        return SqlAccess.connection(tx);
    }
}
