package org.linkway.server.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import org.linkway.server.storage.StoreException;

/**
 * The directory's tables (migration V9), on the connection of a transaction the caller holds.
 * Every change of a service is a new version; {@code directory_service_version} keeps them all.
 */
final class DirectoryStore {

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private final Connection c;

    DirectoryStore(Connection c) {
        this.c = c;
    }

    Optional<StoredService> current(String id) {
        try (PreparedStatement s =
                c.prepareStatement("SELECT version, retired, body FROM directory_service WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new StoredService(id, r.getLong(1), r.getInt(2) == 1, r.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Stores the service as its next version unless it is the current one unchanged (and not retired). */
    Outcome put(String id, String body, ServiceIndex index, String source, long micros) {
        Optional<StoredService> now = current(id);
        if (now.isPresent() && !now.get().retired() && now.get().body().equals(body)) {
            return Outcome.UNCHANGED;
        }
        long version = now.map(StoredService::version).orElse(0L) + 1;
        write(id, version, false, body, index, source, micros, now.isPresent());
        return now.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** Marks the service retired as a new version with this body (its status {@code defunct}). */
    StoredService retire(StoredService current, String body, long micros) {
        long version = current.version() + 1;
        write(current.id(), version, true, body, ServiceIndex.of(Json.MAPPER.readTree(body)), "retired", micros, true);
        return new StoredService(current.id(), version, true, body);
    }

    /** Every version, oldest first. */
    List<StoredService> history(String id) {
        List<StoredService> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, retired, body FROM directory_service_version"
                + " WHERE service_id = ? ORDER BY version")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredService(id, r.getLong(1), r.getInt(2) == 1, r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    private void write(
            String id,
            long version,
            boolean retired,
            String body,
            ServiceIndex index,
            String source,
            long micros,
            boolean exists) {
        try {
            if (exists) {
                for (String table : List.of("directory_service", "directory_location", "directory_category")) {
                    try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE "
                            + (table.equals("directory_service") ? "id" : "service_id") + " = ?")) {
                        d.setString(1, id);
                        d.executeUpdate();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO directory_service"
                    + " (id, version, name, search_text, min_age, max_age, retired, body, changed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setLong(2, version);
                s.setString(3, index.name());
                s.setString(4, index.text());
                setAge(s, 5, index.minAge());
                setAge(s, 6, index.maxAge());
                s.setInt(7, retired ? 1 : 0);
                s.setString(8, body);
                s.setLong(9, micros);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO directory_location (service_id, latitude, longitude) VALUES (?, ?, ?)")) {
                for (Point p : index.places()) {
                    s.setString(1, id);
                    s.setDouble(2, p.latitude());
                    s.setDouble(3, p.longitude());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO directory_category (service_id, term) VALUES (?, ?)")) {
                for (String term : index.terms()) {
                    s.setString(1, id);
                    s.setString(2, term);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO directory_service_version"
                    + " (service_id, version, retired, body, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setLong(2, version);
                s.setInt(3, retired ? 1 : 0);
                s.setString(4, body);
                s.setString(5, source.length() > 500 ? source.substring(0, 500) : source);
                s.setLong(6, micros);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void setAge(PreparedStatement s, int column, Double age) throws SQLException {
        if (age == null) {
            s.setNull(column, Types.DOUBLE);
        } else {
            s.setDouble(column, age);
        }
    }

    static StoreException failed(SQLException e) {
        return new StoreException("directory: " + e.getMessage(), e);
    }
}
