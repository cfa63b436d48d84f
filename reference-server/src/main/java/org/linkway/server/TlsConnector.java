package org.linkway.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector the server listens on instead of plain HTTP when a keystore is configured.
 * The keystore is opened once here, before Jetty starts, so a wrong path or password stops the
 * server with a sentence naming it rather than a stack trace from inside Jetty.
 */
final class TlsConnector {

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

    static Connector create(Server server, HttpConfiguration http, TlsSettings tls, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        if (tls.password() != null) {
            ssl.setKeyStorePassword(tls.password());
        }
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients on loopback or behind an IP address send no SNI host name to check against the certificate
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
