package org.linkway.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The consent ledger's rows and queries (V8), the same SQL on SQLite and PostgreSQL. */
final class JdbcConsentDecisions implements ConsentDecisions {

    private static final String ENTRY =
            "SELECT d.referral_id, d.position, d.record_id, d.decision, d.lawful_basis, d.scopes, d.party, d.expires_at "
                    + "FROM consent_decision d WHERE d.referral_id = ? AND ";
    /** A withdrawal or refusal naming no scope reaches every party. */
    private static final String WITHDRAWS_ALL = "(d.scopes = '' AND d.decision IN ('withdrawn', 'refused'))";

    private final JdbcTx tx;

    JdbcConsentDecisions(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public void append(Entry e) {
        tx.execute(
                "INSERT INTO consent_decision (referral_id, position, record_id, decision, lawful_basis, scopes, party, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_id, position) DO NOTHING",
                e.referralId(),
                e.position(),
                e.recordId(),
                e.decision(),
                e.lawfulBasis(),
                e.scopes().isEmpty() ? "" : "|" + String.join("|", e.scopes()) + "|",
                e.party(),
                e.expiresAt());
    }

    @Override
    public void nameParty(String referralId, String party, Set<String> identifiers) {
        for (String id : identifiers.isEmpty() ? Set.of("") : identifiers) {
            tx.execute(
                    "INSERT INTO party_identifier (referral_id, party, identifier) VALUES (?, ?, ?) "
                            + "ON CONFLICT (referral_id, party, identifier) DO NOTHING",
                    referralId,
                    party,
                    id);
        }
        for (String id : identifiers) {
            for (String other : identifiers) {
                if (!id.equals(other)) {
                    tx.execute(
                            "INSERT INTO identifier_link (referral_id, identifier, joined) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (referral_id, identifier, joined) DO NOTHING",
                            referralId,
                            id,
                            other);
                }
            }
        }
    }

    @Override
    public Set<String> joinedTo(String referralId, Set<String> identifiers) {
        Set<String> out = new LinkedHashSet<>();
        if (identifiers.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        args.add(referralId);
        List<String> ids = padded(identifiers);
        args.addAll(ids);
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT DISTINCT joined FROM identifier_link WHERE referral_id = ? AND identifier IN ("
                                + placeholders(ids.size()) + ")",
                        args.toArray());
                ResultSet rs = s.statement().executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the identifiers joined in referral " + referralId, e);
        }
        return out;
    }

    @Override
    public Optional<Entry> latestForProvider(
            String referralId, Set<String> identifiers, Set<String> bases, long nowMicros) {
        List<Object> args = new ArrayList<>();
        args.add(referralId);
        StringBuilder named = new StringBuilder("d.party IS NULL");
        if (!identifiers.isEmpty()) {
            named.append(" OR EXISTS (SELECT 1 FROM party_identifier p WHERE p.referral_id = d.referral_id "
                    + "AND p.party = d.party AND p.identifier IN (");
            List<String> ids = padded(identifiers);
            named.append(placeholders(ids.size())).append("))");
            args.addAll(ids);
        }
        String basisList = bases.isEmpty() ? "''" : placeholders(bases.size());
        args.addAll(bases);
        args.add(nowMicros);
        return entry(
                ENTRY + "(" + WITHDRAWS_ALL + " OR (d.scopes LIKE '%|onward-provider|%' AND (" + named + ") AND ("
                        + "d.decision IN ('withdrawn', 'refused', 'given') OR (d.decision = 'not-sought' "
                        + "AND d.lawful_basis IN (" + basisList + ") AND (d.expires_at IS NULL OR d.expires_at > ?)))))"
                        + " ORDER BY d.position DESC LIMIT 1",
                args.toArray());
    }

    @Override
    public Optional<Entry> latestForScope(String referralId, String scope) {
        return entry(
                ENTRY + "(" + WITHDRAWS_ALL
                        + " OR (d.scopes LIKE ? AND d.decision IN ('withdrawn', 'refused', 'given')))"
                        + " ORDER BY d.position DESC LIMIT 1",
                referralId,
                "%|" + scope.replace("%", "").replace("_", "").replace("|", "") + "|%");
    }

    @Override
    public List<StoredResource> notYetInLedger(int limit) {
        return tx.many(
                "SELECT " + JdbcTx.COLUMNS + " FROM resource_latest r WHERE (r.type = 'Consent' AND NOT EXISTS "
                        + "(SELECT 1 FROM consent_decision d WHERE d.record_id = r.id)) OR (r.type = 'OnwardReferral' "
                        + "AND NOT EXISTS (SELECT 1 FROM party_identifier p WHERE p.party = 'OnwardReferral/' || r.id)) "
                        + "ORDER BY r.created_at, r.id LIMIT ?",
                limit);
    }

    @Override
    public Optional<Long> recordedAt(String consentId) {
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT MIN(sequence) FROM event WHERE resource_type = 'Consent' AND resource_id = ?",
                        consentId);
                ResultSet rs = s.statement().executeQuery()) {
            if (rs.next()) {
                long seq = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(seq);
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the event of consent " + consentId, e);
        }
    }

    @Override
    public boolean backfilled() {
        try (JdbcTx.Prepared s = tx.prepare("SELECT MIN(backfilled) FROM consent_ledger");
                ResultSet rs = s.statement().executeQuery()) {
            return !rs.next() || rs.getLong(1) != 0 || rs.wasNull();
        } catch (SQLException e) {
            throw new StoreException("cannot read the consent ledger's state", e);
        }
    }

    @Override
    public void markBackfilled() {
        tx.execute("UPDATE consent_ledger SET backfilled = 1");
    }

    private Optional<Entry> entry(String sql, Object... args) {
        try (JdbcTx.Prepared s = tx.prepare(sql, args);
                ResultSet rs = s.statement().executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String scopes = rs.getString(6);
            long expires = rs.getLong(8);
            boolean never = rs.wasNull();
            return Optional.of(new Entry(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    scopes.isEmpty()
                            ? List.of()
                            : Arrays.stream(scopes.split("\\|"))
                                    .filter(x -> !x.isEmpty())
                                    .toList(),
                    rs.getString(7),
                    never ? null : expires));
        } catch (SQLException e) {
            throw new StoreException("cannot read the consent ledger", e);
        }
    }

    /**
     * The identifiers, padded to a power of two by repeating one: a few statement texts, so the
     * writer's statement cache stays small however many identifiers a referral joins.
     */
    private static List<String> padded(Set<String> identifiers) {
        List<String> ids = new ArrayList<>(identifiers);
        int size = Integer.highestOneBit(Math.max(4, ids.size() - 1)) << 1;
        while (ids.size() < size) {
            ids.add(ids.get(0));
        }
        return ids;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
