package org.linkway.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.linkway.server.http.EdgeSettings;

/**
 * The HTTPS connector the server listens on instead of plain HTTP when a keystore is configured.
 * The keystore is opened once here, before Jetty starts, so a wrong path or password stops the
 * server with a sentence naming it rather than a stack trace from inside Jetty.
 */
final class TlsConnector {

    /** One year, what HSTS preload lists ask for. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000L;

    /** Cipher suite name patterns Jetty includes: TLS 1.3's, and TLS 1.2's AEAD suites with ECDHE. */
    static final List<String> AEAD_SUITES = List.of(
            "^TLS_AES_.*",
            "^TLS_CHACHA20_POLY1305_.*",
            "^TLS_ECDHE_.*_WITH_AES_.*_GCM_.*",
            "^TLS_ECDHE_.*_WITH_CHACHA20_POLY1305_.*");

    private TlsConnector() {}

    static void check(TlsSettings tls) {
        if (!Files.isReadable(tls.keystore())) {
            throw new IllegalStateException(
                    "refusing to start: the TLS keystore " + tls.keystore() + " cannot be read");
        }
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, tls.password() == null ? null : tls.password().toCharArray());
            boolean hasKey = false;
            for (String alias : Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalStateException(
                        "refusing to start: the TLS keystore " + tls.keystore() + " holds no private key entry");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "refusing to start: the TLS keystore " + tls.keystore()
                            + " cannot be opened as PKCS#12 with the password given (LINKWAY_TLS_KEYSTORE_PASSWORD): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Plain HTTP, for a TLS-terminating proxy in front, with the edge's idle timeout. */
    static Connector plain(Server server, HttpConfiguration http, String host, int port, EdgeSettings edge) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(edge.idleTimeout().toMillis());
        return connector;
    }

    static Connector create(
            Server server, HttpConfiguration http, TlsSettings tls, String host, int port, EdgeSettings edge) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        if (tls.password() != null) {
            ssl.setKeyStorePassword(tls.password());
        }
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // AEAD only: TLS 1.3's suites are all AEAD; on TLS 1.2, ECDHE with AES-GCM or ChaCha20-Poly1305
        // (forward secrecy, no CBC with its padding-oracle history, no static RSA key exchange)
        ssl.setIncludeCipherSuites(AEAD_SUITES.toArray(String[]::new));
        ssl.setExcludeCipherSuites(".*_CBC_.*", ".*_NULL_.*", ".*_anon_.*", "^TLS_RSA_.*", "^TLS_DHE_.*");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // HSTS on every answer: a browser that once reached the server over TLS never tries plain HTTP
        secure.setStsMaxAge(HSTS_MAX_AGE_SECONDS);
        // clients on loopback or behind an IP address send no SNI host name to check against the certificate
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(edge.idleTimeout().toMillis());
        return connector;
    }
}
