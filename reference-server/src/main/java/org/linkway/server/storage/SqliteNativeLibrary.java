package org.linkway.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps the SQLite driver's native library in the data directory and points the driver at it.
 * Left to itself the driver copies the library out of its jar into the temporary directory at
 * every start and then re-reads both copies byte by byte to compare them: a noticeable share of
 * a cold start on a small machine, for a file that only changes with the driver's version.
 * An operator's own {@code org.sqlite.lib.path} wins; any failure here leaves the driver to its
 * usual way.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {}

    /** Points the driver at a copy of its library under {@code dataDir}, made if missing. */
    static synchronized void useCopyIn(Path dataDir) {
        if (System.getProperty(PATH) != null) {
            return;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            URL resource = SQLiteJDBCLoader.class.getResource(
                    "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name);
            if (resource == null) {
                return; // a platform this driver build has no library for: the driver will say so itself
            }
            Path dir = dataDir.resolve(".sqlite-native").resolve(SQLiteJDBCLoader.getVersion());
            Path library = dir.resolve(name);
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            if (!Files.isRegularFile(library) || size < 0 || Files.size(library) != size) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, name, ".partial");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("leaving the SQLite driver to find its own native library", e);
        }
    }
}
