package org.linkway.server.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of a resource listing: the filters of a {@link ListQuery} as SQL for either dialect, and
 * the cursor that continues it. Kept apart from {@link JdbcTx} because the filters that look into a
 * document differ between SQLite and PostgreSQL.
 */
final class ResourceListing {

    private final JdbcTx tx;
    private final boolean postgres;

    ResourceListing(JdbcTx tx, boolean postgres) {
        this.tx = tx;
        this.postgres = postgres;
    }

    Page<StoredResource> list(ListQuery q) {
        int limit = Math.max(1, Math.min(JdbcTx.MAX_PAGE, q.limit()));
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (q.provider() != null) {
            OnwardInbox.knownAs(sql, args, q.provider());
        }
        sql.append("SELECT " + JdbcTx.COLUMNS + " FROM resource_latest WHERE type = ?");
        args.add(q.type());
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status());
        }
        if (q.statuses() != null) {
            sql.append(" AND status IN (")
                    .append(String.join(
                            ", ", q.statuses().stream().map(x -> "?").toList()))
                    .append(")");
            args.addAll(q.statuses().stream().sorted().toList());
        }
        if (q.provider() != null) {
            OnwardInbox.addressedAndCovered(sql, args, q.provider());
        }
        if (q.referrerOrg() != null) {
            sql.append(" AND referrer_org = ?");
            args.add(q.referrerOrg());
        }
        if (q.addresseeOrg() != null) {
            // the link worker service a referral is addressed to lives only in its document
            String addressee = postgres
                    ? "(body::jsonb #>> '{referralDetails,entries,0,referralTo,organisation,code}') = ?"
                    : "json_extract(body, '$.referralDetails.entries[0].referralTo.organisation.code') = ?";
            sql.append(
                    "Referral".equals(q.type())
                            ? " AND " + addressee
                            : " AND referral_id IN (SELECT id FROM resource_latest WHERE type = 'Referral' AND "
                                    + addressee + ")");
            args.add(q.addresseeOrg());
        }
        if (q.recipientOrg() != null) {
            // a message back goes to the referrer (a column) and to every registered GP practice (in its document)
            sql.append(
                    postgres
                            ? " AND (referrer_org = ? OR (body::jsonb -> 'gpPractice' -> 'entries') @> jsonb_build_array(jsonb_build_object("
                                    + "'gpPracticeIdentifier', CAST(? AS text))))"
                            : " AND (referrer_org = ? OR EXISTS (SELECT 1 FROM json_each(body, '$.gpPractice.entries') AS gp "
                                    + "WHERE json_extract(gp.value, '$.gpPracticeIdentifier') = ?))");
            args.add(q.recipientOrg());
            args.add(q.recipientOrg());
        }
        if (q.referralId() != null) {
            sql.append(" AND referral_id = ?");
            args.add(q.referralId());
        }
        if (q.updatedSince() != null) {
            sql.append(" AND updated_at >= ?");
            args.add(JdbcTx.toMicros(q.updatedSince()));
        }
        if (q.cursor() != null) {
            Cursor after = Cursor.decode(q.cursor());
            // strictly after the last row of the previous page in (updated_at, id) order: ties on
            // updated_at are broken by id, the primary key within a type, so no row is skipped or repeated
            sql.append(" AND (updated_at, id) > (?, ?)");
            args.add(after.updatedAt);
            args.add(after.id);
        }
        sql.append(" ORDER BY updated_at, id LIMIT ?");
        args.add(limit + 1);
        List<StoredResource> rows = tx.many(sql.toString(), args.toArray());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<StoredResource> page = rows.subList(0, limit);
        StoredResource last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new Cursor(JdbcTx.toMicros(last.updatedAt()), last.id()).encode());
    }

    /** Where a page ended: the last row's change time and id, base64url. Opaque to clients. */
    private record Cursor(long updatedAt, String id) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((updatedAt + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = s.indexOf(':');
                return new Cursor(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new InvalidCursorException(text);
            }
        }
    }
}
