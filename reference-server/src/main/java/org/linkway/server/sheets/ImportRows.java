package org.linkway.server.sheets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.StoreException;
import org.linkway.server.storage.Tx;

/** The {@code import_row} table: which source rows were imported already, and as which referral. */
final class ImportRows {

    private ImportRows() {}

    /** A row's key: the importing organisation, the mapping and the row's identifying cells, hashed. */
    static String key(String organisation, String mapping, List<String> cells) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((organisation + '\u001f' + mapping).getBytes(StandardCharsets.UTF_8));
            for (String c : cells) {
                sha.update((byte) 0x1e);
                sha.update(c.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Of these keys, those already imported, with their referral ids. */
    static Map<String, String> existing(Tx tx, Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        List<String> all = List.copyOf(keys);
        Connection c = SqlAccess.connection(tx);
        try {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT source_key, referral_id FROM import_row WHERE source_key IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the imported rows", e);
        }
        return out;
    }

    /** Records a row as imported; false if another import recorded it first. */
    static boolean record(Tx tx, String key, String organisation, String referralId, Instant at) {
        try (PreparedStatement ps = SqlAccess.connection(tx)
                .prepareStatement("INSERT INTO import_row (source_key, organisation, referral_id, imported_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING")) {
            ps.setString(1, key);
            ps.setString(2, organisation);
            ps.setString(3, referralId);
            ps.setString(4, at.toString());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot record an imported row", e);
        }
    }
}
