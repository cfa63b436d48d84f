package org.linkway.server.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that keeps an onward referral listing to one provider's inbox, for {@link ResourceListing}:
 * the onward referrals whose provider is known by one of the caller's identifiers, and whose
 * referral's consent decisions cover that provider now. Both are judged from the consent ledger's
 * tables (V8), the same rows {@code PartyIdentity} and {@code ConsentLedger.forProvider} read, so
 * the database keeps exactly what a read of each would allow: pages are full and cursors walk only
 * the provider's own. The same SQL runs on SQLite and PostgreSQL.
 */
final class OnwardInbox {

    private OnwardInbox() {}

    /**
     * {@code known(referral_id, identifier)}: in each referral that names one of the caller's
     * identifiers, every identifier its records join to them, repeated until nothing new is found.
     */
    static void knownAs(StringBuilder sql, List<Object> args, ListQuery.Provider p) {
        List<String> ids = new ArrayList<>(p.identifiers().stream().sorted().toList());
        sql.append("WITH RECURSIVE known(referral_id, identifier) AS (")
                .append("SELECT referral_id, identifier FROM party_identifier WHERE identifier IN (")
                .append(marks(ids.size()))
                .append(") UNION SELECT l.referral_id, l.joined FROM identifier_link l JOIN known k ")
                .append("ON l.referral_id = k.referral_id AND l.identifier = k.identifier) ");
        args.addAll(ids);
    }

    /**
     * The onward referral's provider is one the caller is known as, and the latest decision that
     * applies to that provider (a withdrawal or refusal of everything, or one whose scope includes
     * the onward provider and names this provider or none) is consent given and not expired, or a
     * lawful basis other than consent in force.
     */
    static void addressedAndCovered(StringBuilder sql, List<Object> args, ListQuery.Provider p) {
        long now = JdbcTx.toMicros(p.now());
        List<String> bases = p.lawfulBases().stream().sorted().toList();
        String basisList = bases.isEmpty() ? "''" : marks(bases.size());
        sql.append(" AND EXISTS (SELECT 1 FROM party_identifier o JOIN known k ON k.referral_id = o.referral_id "
                        + "AND k.identifier = o.identifier WHERE o.referral_id = resource_latest.referral_id "
                        + "AND o.party = 'OnwardReferral/' || resource_latest.id)")
                .append(
                        " AND EXISTS (SELECT 1 FROM consent_decision d WHERE d.referral_id = resource_latest.referral_id"
                                + " AND (d.decision = 'not-sought' OR (d.decision = 'given' AND (d.expires_at IS NULL OR "
                                + "d.expires_at > ?))) AND d.position = (SELECT MAX(a.position) FROM consent_decision a "
                                + "WHERE a.referral_id = resource_latest.referral_id AND ((a.scopes = '' AND a.decision IN "
                                + "('withdrawn', 'refused')) OR (a.scopes LIKE '%|onward-provider|%' AND (a.party IS NULL OR "
                                + "EXISTS (SELECT 1 FROM party_identifier n JOIN known j ON j.referral_id = n.referral_id "
                                + "AND j.identifier = n.identifier WHERE n.referral_id = a.referral_id AND n.party = a.party)) "
                                + "AND (a.decision IN ('withdrawn', 'refused', 'given') OR (a.decision = 'not-sought' AND "
                                + "a.lawful_basis IN (")
                .append(basisList)
                .append(") AND (a.expires_at IS NULL OR a.expires_at > ?)))))))");
        args.add(now);
        args.addAll(bases);
        args.add(now);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
