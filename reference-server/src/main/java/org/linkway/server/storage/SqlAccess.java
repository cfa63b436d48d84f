package org.linkway.server.storage;

import java.sql.Connection;

/**
 * For read models that keep their own tables beside the store's (the commissioner reports): the
 * JDBC connection of a transaction, to run their own SQL inside it. The caller must not commit,
 * roll back or close it; the store does that when the transaction ends.
 */
public final class SqlAccess {

    private SqlAccess() {}

    /** The connection {@code tx} runs on. */
    public static Connection connection(Tx tx) {
        if (tx instanceof JdbcTx j) {
            return j.connection();
        }
        throw new IllegalArgumentException(
                "not a JDBC transaction: " + tx.getClass().getName());
    }

    /** {@code true} on PostgreSQL, where row locks are taken explicitly. */
    public static boolean isPostgres(Store store) {
        return JdbcStore.POSTGRESQL.equals(store.dialect());
    }
}
