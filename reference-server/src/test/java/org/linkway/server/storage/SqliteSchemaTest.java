package org.linkway.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged SQLite schema must be exactly what Flyway builds, and must never stand in for
 * Flyway when a database is anything but new or current.
 */
class SqliteSchemaTest {

    @TempDir
    Path dir;

    @Test
    void a_new_database_is_the_packaged_schema_and_that_is_what_flyway_builds() throws SQLException, IOException {
        Path copied = dir.resolve("copied/linkway.db");
        try (JdbcStore store = JdbcStore.open(url(copied))) {
            assertThat(store.preparation()).isEqualTo(SqliteSchema.Preparation.COPIED);
        }
        Path migrated = dir.resolve("migrated.db");
        JdbcStore.migrateNewSqlite(url(migrated));

        assertThat(schema(copied)).isNotEmpty().isEqualTo(schema(migrated));
        assertThat(history(copied)).hasSize(migrationScripts().size()).isEqualTo(history(migrated));
        assertThat(pragmas(copied)).containsExactly("4096", "wal");
        assertThat(Files.list(copied.getParent()).map(p -> p.getFileName().toString()))
                .as("no partial copy left behind")
                .noneMatch(n -> n.contains(".new-"));
    }

    @Test
    void the_copy_records_when_this_database_was_made_not_when_the_server_was_built() throws SQLException {
        String before = now();
        Path file = dir.resolve("stamped.db");
        JdbcStore.open(url(file)).close();
        try (Connection c = DriverManager.getConnection(url(file));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT min(installed_on) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getString(1)).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void reopening_a_current_database_runs_no_migration_and_keeps_its_data() {
        Path file = dir.resolve("reopened.db");
        try (JdbcStore store = JdbcStore.open(url(file))) {
            store.transaction(tx ->
                    tx.create(NewResource.of("Referral", "r1").inReferral("r1").body("{}")));
        }
        try (JdbcStore store = JdbcStore.open(url(file))) {
            assertThat(store.preparation()).isEqualTo(SqliteSchema.Preparation.CURRENT);
            assertThat(store.<Optional<StoredResource>>read(tx -> tx.get("Referral", "r1")))
                    .isPresent();
        }
    }

    @Test
    void a_database_behind_the_packaged_schema_is_migrated_by_flyway() throws SQLException {
        Path file = dir.resolve("behind.db");
        String behind = Integer.toString(migrationScripts().size() - 1);
        Flyway.configure()
                .dataSource(url(file), null, null)
                .locations("classpath:db/migration/sqlite")
                .target(behind)
                .load()
                .migrate();
        try (JdbcStore store = JdbcStore.open(url(file))) {
            assertThat(store.preparation()).isEqualTo(SqliteSchema.Preparation.MIGRATED);
        }
        assertThat(history(file)).isEqualTo(SqliteSchema.packagedHistory());
    }

    @Test
    void an_edited_history_is_left_to_flyway_which_refuses_it() throws SQLException {
        Path file = dir.resolve("edited.db");
        JdbcStore.open(url(file)).close();
        try (Connection c = DriverManager.getConnection(url(file));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        assertThatThrownBy(() -> JdbcStore.open(url(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot prepare the sqlite schema");
    }

    @Test
    void an_existing_file_is_never_replaced_by_the_copy() throws IOException, SQLException {
        Path file = dir.resolve("existing.db");
        Files.createFile(file); // an empty file is an empty SQLite database, not a missing one
        try (JdbcStore store = JdbcStore.open(url(file))) {
            assertThat(store.preparation()).isEqualTo(SqliteSchema.Preparation.MIGRATED);
        }
        assertThat(SqliteSchema.copyIfNew(file)).isFalse();
        Path logOnly = dir.resolve("log-only.db");
        Files.writeString(dir.resolve("log-only.db-wal"), "");
        assertThat(SqliteSchema.copyIfNew(logOnly))
                .as("a log without its database is not a new database")
                .isFalse();
        assertThat(logOnly).doesNotExist();
    }

    @Test
    void the_packaged_schema_was_built_from_every_migration_script() {
        List<String> scripts = SqliteSchema.packagedHistory().stream()
                .map(row -> row.split("\t")[3])
                .toList();
        assertThat(scripts).isEqualTo(migrationScripts());
        // the newest script's version: branches number their migrations ahead, so there may be gaps
        assertThat(SqliteSchema.packagedVersion())
                .isEqualTo(scripts.stream()
                        .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                        .max(Integer::compare)
                        .orElseThrow()
                        .toString());
    }

    @Test
    void a_packaged_schema_that_is_not_the_scripts_on_the_class_path_is_not_used() {
        List<String> history = SqliteSchema.packagedHistory();
        List<String> scripts = migrationScripts();
        assertThat(SqliteSchema.coversExactly(history, scripts)).isTrue();
        List<String> withLater = new ArrayList<>(scripts);
        withLater.add("V99__added_in_an_ide.sql");
        assertThat(SqliteSchema.coversExactly(history, withLater))
                .as("a script the packaged schema lacks")
                .isFalse();
        assertThat(SqliteSchema.coversExactly(history.subList(0, history.size() - 1), scripts))
                .isFalse();
    }

    private static List<String> migrationScripts() {
        try (Stream<Path> files = Files.list(Path.of(
                SqliteSchemaTest.class.getResource("/db/migration/sqlite").toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static String now() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> schema(Path file) throws SQLException {
        return rows(file, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    }

    private static List<String> history(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(file))) {
            return SqliteSchema.history(c);
        }
    }

    private static List<String> pragmas(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(rows(file, "PRAGMA page_size"));
        out.addAll(rows(file, "PRAGMA journal_mode"));
        return out;
    }

    private static List<String> rows(Path file, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(file));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
