package org.linkway.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkway.server.security.AuditVerifier;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code linkway-server audit verify}: proves the audit chain offline, straight from the database. */
@Command(
        name = "audit",
        description = "Audit trail tools.",
        subcommands = AuditCommand.Verify.class,
        mixinStandardHelpOptions = true)
final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Check every link of the hash-chained audit trail; exit 0 when whole, 1 naming the first broken entry.")
    static final class Verify implements Callable<Integer> {

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

        @Override
        public Integer call() {
            String url = new ServerConfig("127.0.0.1", 0, dataDir, databaseUrl, ServerConfig.DEFAULT_MAX_BODY, false)
                    .effectiveDatabaseUrl();
            try (Store store = JdbcStore.open(url)) {
                AuditVerifier.Report report = AuditVerifier.verify(store);
                System.out.println(report.describe());
                return report.ok() ? 0 : 1;
            }
        }
    }
}
