package org.linkway.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one long-lived connection, kept for reuse: SQLite compiles a
 * statement's text on every prepare, and the writer runs the same few statements for every
 * request. Only ever used by the thread that owns the connection. The statement texts are a
 * fixed, small set (lists vary only by which optional filters are present), so the map stays small.
 */
final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> bySql = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** A statement ready for new parameters; it stays open: do not close it. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement s = bySql.get(sql);
        if (s == null || s.isClosed()) {
            s = connection.prepareStatement(sql);
            bySql.put(sql, s);
        } else {
            s.clearParameters();
        }
        return s;
    }

    @Override
    public void close() {
        for (PreparedStatement s : bySql.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing the connection next
            }
        }
        bySql.clear();
    }
}
