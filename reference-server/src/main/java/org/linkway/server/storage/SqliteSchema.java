package org.linkway.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite schema as Flyway built it when the server was packaged, so that a start which has
 * nothing to migrate need not load Flyway at all: about 2,000 classes and a third of a second of
 * CPU, the largest part of start-up (docs/PERFORMANCE.md).
 *
 * <ul>
 *   <li>A new database file starts as a copy of the packaged one (as a new Rails database loads
 *       {@code schema.rb} rather than replaying every migration). The copy is written beside the
 *       target and renamed into place, so a crash leaves either no database or a whole one, and an
 *       existing file is never replaced.</li>
 *   <li>A database whose schema history is, row for row, the packaged one (versions, scripts,
 *       checksums, all successful) is current: there is nothing for Flyway to do.</li>
 *   <li>Anything else (older, newer, failed, edited, not Linkway's) goes to Flyway as before, which
 *       migrates or refuses with its own explanation.</li>
 * </ul>
 *
 * <p>Both files are made at build time by {@link #main} running the real migrations; nothing here
 * is written by hand, and a test holds them to the scripts in {@code db/migration/sqlite}.
 */
final class SqliteSchema {

    /** How a database was made ready. */
    enum Preparation {
        /** A new file, copied from the packaged schema. */
        COPIED,
        /** An existing file whose history is the packaged one. */
        CURRENT,
        /** Flyway ran: a database behind, ahead of or different from the packaged one, or no packaged schema. */
        MIGRATED
    }

    static final String TEMPLATE = "/db/template/sqlite.db";
    static final String HISTORY = "/db/template/sqlite.history";
    private static final String MIGRATIONS = "/db/migration/sqlite";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSchema.class);
    private static final String HISTORY_QUERY =
            "SELECT version, description, type, script, checksum, success FROM flyway_schema_history ORDER BY installed_rank";

    private SqliteSchema() {}

    /**
     * Copies the packaged schema to {@code file} if there is no database there yet (no file, no
     * log, no journal). Returns {@code false}, having changed nothing, if there is one or no
     * packaged schema is on the class path.
     */
    static boolean copyIfNew(Path file) {
        if (exists(file) || exists(sibling(file, "-wal")) || exists(sibling(file, "-journal"))) {
            return false;
        }
        if (packagedHistory() == null) {
            return false;
        }
        Path partial = sibling(file, ".new-" + UUID.randomUUID());
        try (InputStream template = SqliteSchema.class.getResourceAsStream(TEMPLATE)) {
            if (template == null) {
                return false;
            }
            Files.copy(template, partial);
            stampInstalledNow(partial);
            if (Files.exists(sibling(partial, "-wal")) && Files.size(sibling(partial, "-wal")) > 0) {
                throw new IOException(
                        "SQLite left a log beside the new database; refusing to use a copy that is not whole");
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            placeWithoutReplacing(partial, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another process made it first; that one is now the database
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot create the SQLite database " + file, e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(sibling(partial, "-wal"));
            deleteQuietly(sibling(partial, "-shm"));
        }
    }

    /**
     * Gives the finished copy its name, failing if that name was taken meanwhile: a hard link
     * cannot replace an existing file, where a rename would.
     */
    private static void placeWithoutReplacing(Path partial, Path file) throws IOException {
        try {
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(partial, file); // no hard links on this file system: the move still refuses an existing file
        }
    }

    /** {@code true} if the database's schema history is exactly the packaged one. */
    static boolean isCurrent(Connection c) throws SQLException {
        List<String> expected = packagedHistory();
        if (expected == null) {
            return false;
        }
        try (Statement s = c.createStatement();
                ResultSet table = s.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
            if (!table.next()) {
                return false;
            }
        }
        return history(c).equals(expected);
    }

    /** The history rows that decide whether a database is current, one tab-separated line each. */
    static List<String> history(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HISTORY_QUERY);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4)
                        + "\t" + rs.getString(5) + "\t" + rs.getBoolean(6));
            }
        }
        return rows;
    }

    /**
     * The packaged history, or {@code null} if this class path has no packaged schema or one older
     * than its migrations. In a jar both come from one build; in a folder of classes (an IDE that
     * copied a new script without running the build step) they may not, and the scripts win.
     */
    static List<String> packagedHistory() {
        return Packaged.HISTORY.orElse(null);
    }

    /** Read once: the packaged files do not change while the server runs. */
    private static final class Packaged {
        static final Optional<List<String>> HISTORY = Optional.ofNullable(load());
    }

    private static List<String> load() {
        List<String> history;
        try (InputStream in = SqliteSchema.class.getResourceAsStream(HISTORY)) {
            if (in == null) {
                return null;
            }
            history = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot read the packaged schema history", e);
        }
        List<String> scripts = scriptsInFolder();
        if (scripts != null && !coversExactly(history, scripts)) {
            LOG.warn(
                    "the packaged SQLite schema does not match the migration scripts on the class path; Flyway will run "
                            + "(rebuild it with: ./mvnw -pl reference-server -am process-classes)");
            return null;
        }
        return history;
    }

    /** {@code true} if the history's scripts are exactly {@code scripts}, in any order. */
    static boolean coversExactly(List<String> history, List<String> scripts) {
        List<String> named =
                history.stream().map(row -> row.split("\t", -1)[3]).sorted().toList();
        return named.equals(scripts.stream().sorted().toList());
    }

    /** The SQL scripts of the migration folder when it is a folder on disk; {@code null} inside a jar. */
    private static List<String> scriptsInFolder() {
        URL folder = SqliteSchema.class.getResource(MIGRATIONS);
        if (folder == null || !"file".equals(folder.getProtocol())) {
            return null;
        }
        try (var files = Files.list(Path.of(folder.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .toList();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The version the packaged schema is at, for the start-up log. */
    static String packagedVersion() {
        List<String> history = packagedHistory();
        return history == null || history.isEmpty()
                ? "none"
                : history.get(history.size() - 1).split("\t", 2)[0];
    }

    /** The copy was migrated when the server was built; its history says when this database was made. */
    private static void stampInstalledNow(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET installed_on = strftime('%Y-%m-%d %H:%M:%f', 'now')");
        }
    }

    /**
     * Build time: migrates a new database with Flyway, exactly as a start would, and writes it and
     * its history to {@code args[0]} as {@code sqlite.db} and {@code sqlite.history}.
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("linkway-schema");
        try {
            Path db = work.resolve("schema.db");
            String url = "jdbc:sqlite:" + db.toAbsolutePath();
            JdbcStore.migrateNewSqlite(url);
            List<String> history;
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                // no build time in the file, so two builds package the same bytes (the reproducible
                // jar); a copy is stamped with its own time when it becomes a database
                s.executeUpdate(
                        "UPDATE flyway_schema_history SET installed_on = '2000-01-01 00:00:00.000', execution_time = 0");
                s.execute("VACUUM"); // and no trace of the old values in the pages' free space
                // everything into the file itself, so the copy needs no log beside it
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                history = history(c);
            }
            Files.createDirectories(out);
            Files.copy(db, out.resolve("sqlite.db"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(out.resolve("sqlite.history"), String.join("\n", history) + "\n", StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(SqliteSchema::deleteQuietly);
            }
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static boolean exists(Path p) {
        return Files.exists(p) || Files.isSymbolicLink(p);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the database is what matters
        }
    }
}
