package org.linkway.server.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linkway.server.http.Json;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code linkway-server directory import}: loads an Open Referral UK feed into the directory, offline from the API. */
@Command(
        name = "directory",
        description = "Service directory tools (Open Referral UK).",
        subcommands = DirectoryCommand.Import.class,
        mixinStandardHelpOptions = true)
public final class DirectoryCommand {

    /** Where the feed comes from: exactly one. */
    static final class Source {
        @Option(
                names = "--file",
                required = true,
                description = "An ORUK feed file: a JSON array of services, an ORUK page, or one service.")
        Path file;

        @Option(
                names = "--url",
                required = true,
                description =
                        "An ORUK API base URL; its /services pages are followed to the last, then each /services/{id}.")
        String url;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Import an ORUK feed in one transaction and print the report; exit 0 when every record went in,"
                            + " 1 when some were skipped with findings, 2 when the feed could not be read (nothing imported).")
    public static final class Import implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(
                names = "--data-dir",
                defaultValue = "${env:LINKWAY_DATA_DIR:-linkway-data}",
                description = "Where the SQLite file lives (LINKWAY_DATA_DIR).")
        Path dataDir;

        @Option(
                names = "--db-url",
                defaultValue = "${env:LINKWAY_DB_URL}",
                description = "JDBC URL (LINKWAY_DB_URL; default: SQLite in the data dir).")
        String databaseUrl;

        @Option(
                names = "--timeout-seconds",
                defaultValue = "30",
                description = "How long one request to an ORUK API may take (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException {
            List<JsonNode> records;
            String from;
            try {
                if (source.file != null) {
                    from = source.file.toString();
                    Optional<List<JsonNode>> read =
                            DirectoryImport.records(Json.MAPPER.readTree(Files.readAllBytes(source.file)));
                    if (read.isEmpty()) {
                        System.err.println(
                                from + " is not an ORUK feed: an array of services, an ORUK page or one service");
                        return 2;
                    }
                    records = read.get();
                } else {
                    from = source.url;
                    records = new FeedFetcher(Duration.ofSeconds(timeoutSeconds)).fetch(source.url);
                }
            } catch (IOException | JacksonException | IllegalArgumentException e) {
                System.err.println("could not read the feed, nothing imported: " + e.getMessage());
                return 2;
            }
            String url = databaseUrl != null
                    ? databaseUrl
                    : "jdbc:sqlite:" + dataDir.resolve("linkway.db").toAbsolutePath();
            try (Store store = JdbcStore.open(url)) {
                ImportReport report = new DirectoryImport(store, Clock.systemUTC()).run(records, from);
                System.out.println(Json.write(report.toJson()));
                return report.skipped() == 0 ? 0 : 1;
            }
        }
    }
}
