package org.linkway.server;

import java.nio.file.Path;
import org.linkway.server.appointments.AppointmentSettings;
import org.linkway.server.directory.DirectorySettings;
import org.linkway.server.events.WebhookSettings;
import org.linkway.server.http.EdgeSettings;
import org.linkway.server.security.SecuritySettings;
import org.linkway.server.security.SigningSettings;
import org.linkway.server.timerules.TimeRuleSettings;
import org.linkway.server.web.WebSettings;

/**
 * How to run the server. Built by {@link Main} from flags and {@code LINKWAY_*} environment variables.
 *
 * @param host        interface to listen on (127.0.0.1 unless told otherwise)
 * @param port        0 picks a free port (tests)
 * @param databaseUrl JDBC URL; default an SQLite file under {@code dataDir}
 * @param maxBodyBytes largest request body accepted
 * @param dev         development mode: loud warnings, demo data, an ephemeral token key with printed demo tokens
 * @param webhooks    how subscribers' deliveries are retried and timed
 * @param security    bearer-token keys, issuer and audience (required outside development mode)
 * @param signing     the server's message signing key and the sender keys it trusts
 * @param tls         the keystore to serve HTTPS from, or {@link TlsSettings#NONE} for plain HTTP (behind a proxy)
 * @param edge        slow bodies, concurrent requests per token and per address, idle connections
 * @param directory   the service directory's postcode centroids
 * @param timeRules   the bank holidays working days skip, and how often overdue time rules are swept
 * @param appointments when appointment reminders are raised
 * @param web         the browser origins allowed to call the API (CORS), and the open validation's limits
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        long maxBodyBytes,
        boolean dev,
        WebhookSettings webhooks,
        SecuritySettings security,
        SigningSettings signing,
        TlsSettings tls,
        EdgeSettings edge,
        DirectorySettings directory,
        TimeRuleSettings timeRules,
        AppointmentSettings appointments,
        WebSettings web) {

    public static final long DEFAULT_MAX_BODY = 2L * 1024 * 1024;

    public ServerConfig(
            String host,
            int port,
            Path dataDir,
            String databaseUrl,
            long maxBodyBytes,
            boolean dev,
            WebhookSettings webhooks,
            SecuritySettings security,
            SigningSettings signing,
            TlsSettings tls,
            EdgeSettings edge,
            DirectorySettings directory) {
        this(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                directory,
                TimeRuleSettings.DEFAULTS,
                AppointmentSettings.DEFAULTS,
                WebSettings.DEFAULTS);
    }

    public ServerConfig(
            String host,
            int port,
            Path dataDir,
            String databaseUrl,
            long maxBodyBytes,
            boolean dev,
            WebhookSettings webhooks,
            SecuritySettings security,
            SigningSettings signing,
            TlsSettings tls,
            EdgeSettings edge) {
        this(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                DirectorySettings.NONE);
    }

    public ServerConfig(String host, int port, Path dataDir, String databaseUrl, long maxBodyBytes, boolean dev) {
        this(host, port, dataDir, databaseUrl, maxBodyBytes, dev, WebhookSettings.DEFAULTS, SecuritySettings.NONE);
    }

    public ServerConfig(
            String host,
            int port,
            Path dataDir,
            String databaseUrl,
            long maxBodyBytes,
            boolean dev,
            WebhookSettings webhooks) {
        this(host, port, dataDir, databaseUrl, maxBodyBytes, dev, webhooks, SecuritySettings.NONE);
    }

    public ServerConfig(
            String host,
            int port,
            Path dataDir,
            String databaseUrl,
            long maxBodyBytes,
            boolean dev,
            WebhookSettings webhooks,
            SecuritySettings security) {
        this(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                SigningSettings.NONE,
                TlsSettings.NONE,
                EdgeSettings.DEFAULTS);
    }

    public ServerConfig withSecurity(SecuritySettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                settings,
                signing,
                tls,
                edge,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withWebhooks(WebhookSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                settings,
                security,
                signing,
                tls,
                edge,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                url,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withSigning(SigningSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                settings,
                tls,
                edge,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withTls(TlsSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                settings,
                edge,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withEdge(EdgeSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                settings,
                directory,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withDirectory(DirectorySettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                settings,
                timeRules,
                appointments,
                web);
    }

    public ServerConfig withTimeRules(TimeRuleSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                directory,
                settings,
                appointments,
                web);
    }

    public ServerConfig withAppointments(AppointmentSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                directory,
                timeRules,
                settings,
                web);
    }

    public ServerConfig withWeb(WebSettings settings) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                databaseUrl,
                maxBodyBytes,
                dev,
                webhooks,
                security,
                signing,
                tls,
                edge,
                directory,
                timeRules,
                appointments,
                settings);
    }

    public String effectiveDatabaseUrl() {
        return databaseUrl != null
                ? databaseUrl
                : "jdbc:sqlite:" + dataDir.resolve("linkway.db").toAbsolutePath();
    }

    /** Loopback, a free port, SQLite under the given directory, time rules swept only on demand: what tests use. */
    public static ServerConfig forTests(Path dataDir) {
        // no sweeps of its own: a test that needs them moves its clock and sweeps, or asks for them
        return new ServerConfig("127.0.0.1", 0, dataDir, null, DEFAULT_MAX_BODY, true)
                .withTimeRules(TimeRuleSettings.MANUAL);
    }
}
