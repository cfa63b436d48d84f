package org.linkway.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person starting the server needs to see first: where it listens, where its data is,
 * which database, and in development mode a token for each role. {@link Main} prints it before
 * any log line; the framework's own start-up lines are held back until after it.
 */
final class StartupSummary {

    private StartupSummary() {}

    static List<String> lines(ServerConfig config, int port, String dialect, List<String> tokenLines) {
        List<String> lines = new ArrayList<>();
        String scheme = config.tls().enabled() ? "https" : "http";
        lines.add("Linkway reference server " + ServerVersion.number());
        lines.add("  URL:            " + scheme + "://" + config.host() + ":" + port);
        lines.add("  data directory: "
                + (config.dataDir() == null
                        ? "none"
                        : config.dataDir().toAbsolutePath().normalize()));
        lines.add("  database:       " + dialect + " " + withoutSecrets(config.effectiveDatabaseUrl()));
        if (config.dev()) {
            lines.add(
                    "DEVELOPMENT MODE: demo data and an ephemeral token key. Do not expose this server or use real personal data.");
            lines.addAll(tokenLines);
        }
        return List.copyOf(lines);
    }

    /** The JDBC URL without its query (where user and password usually go) or a user:password@ part. */
    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String bare = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
        return bare.replaceFirst("//[^/@]*@", "//");
    }
}
