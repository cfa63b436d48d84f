package org.linkway.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Idempotency keys within one transaction. A saved answer that is a stored resource keeps only a
 * reference to its version, so the body is stored once; reading the key fetches that version back.
 */
final class JdbcIdempotency {

    private final JdbcTx tx;

    JdbcIdempotency(JdbcTx tx) {
        this.tx = tx;
    }

    Optional<IdempotencyRecord> find(String key) {
        IdempotencyRecord found;
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT key, request_hash, status, body, location, etag, body_type, body_id, body_version "
                                + "FROM idempotency WHERE key = ?",
                        key);
                ResultSet rs = s.statement().executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String bodyType = rs.getString(7);
            found = new IdempotencyRecord(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    bodyType == null ? null : new ResourceRef(bodyType, rs.getString(8), rs.getLong(9)));
        } catch (SQLException e) {
            throw new StoreException("cannot read idempotency key", e);
        }
        if (found.bodyOf() == null) {
            return Optional.of(found);
        }
        ResourceRef ref = found.bodyOf();
        // the version answered may since have been superseded: then it is in resource_version
        Optional<StoredResource> version = tx.one(
                "SELECT " + JdbcTx.COLUMNS + " FROM resource_latest WHERE type = ? AND id = ? AND version = ? "
                        + "UNION ALL SELECT " + JdbcTx.COLUMNS
                        + " FROM resource_version WHERE type = ? AND id = ? AND version = ?",
                ref.type(),
                ref.id(),
                ref.version(),
                ref.type(),
                ref.id(),
                ref.version());
        String body = version.map(StoredResource::body)
                .orElseThrow(() -> new StoreException(
                        "idempotency key " + key + " answers " + ref + ", which is not stored", null));
        return Optional.of(new IdempotencyRecord(
                found.key(), found.requestHash(), found.status(), body, found.location(), found.etag(), ref));
    }

    /** A key already saved, even by a transaction committing concurrently, is a {@link StoreException}. */
    void save(IdempotencyRecord r) {
        ResourceRef ref = r.bodyOf();
        int inserted = tx.execute(
                "INSERT INTO idempotency (key, request_hash, status, body, location, etag, created_at, "
                        + "body_type, body_id, body_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                r.key(),
                r.requestHash(),
                r.status(),
                ref == null ? r.body() : "",
                r.location(),
                r.etag(),
                tx.micros(),
                ref == null ? null : ref.type(),
                ref == null ? null : ref.id(),
                ref == null ? null : ref.version());
        if (inserted == 0) {
            throw new StoreException("idempotency key " + r.key() + " is already used", null);
        }
    }
}
