package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS served directly from a PKCS#12 keystore: a throwaway self-signed certificate for
 * 127.0.0.1 made here, a client that trusts only it, and a server that speaks nothing but TLS.
 */
class TlsTest {

    @TempDir
    Path data;

    private static final char[] PASSWORD = "test-only-keystore-password".toCharArray();

    record Issued(Path keystore, X509Certificate certificate) {}

    static Issued selfSigned(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))),
                name,
                pair.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("linkway", pair.getPrivate(), PASSWORD, new X509Certificate[] {cert});
        Path file = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return new Issued(file, cert);
    }

    static HttpClient trusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void theServerSpeaksHttpsFromItsKeystoreAndNothingElse() throws Exception {
        Issued issued = selfSigned(data);
        try (LinkwayServer server = LinkwayServer.start(ServerConfig.forTests(data.resolve("db"))
                .withTls(new TlsSettings(issued.keystore(), new String(PASSWORD))))) {
            HttpResponse<String> health = trusting(issued.certificate())
                    .send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(health.sslSession())
                    .hasValueSatisfying(s -> assertThat(s.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
            // plain HTTP on the same port gets no answer a client could mistake for one
            assertThatThrownBy(() -> {
                        HttpResponse<String> plain = HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                        assertThat(plain.statusCode()).isNotEqualTo(200);
                        throw new IOException("refused with " + plain.statusCode());
                    })
                    .isInstanceOf(IOException.class);
            // a client that does not trust the certificate refuses the connection
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aWrongPasswordOrAMissingKeystoreStopsTheStartWithASentence() throws Exception {
        Issued issued = selfSigned(data);
        assertThatThrownBy(() -> LinkwayServer.start(ServerConfig.forTests(data.resolve("db1"))
                        .withTls(new TlsSettings(issued.keystore(), "not-the-password"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be opened as PKCS#12");
        assertThatThrownBy(() -> LinkwayServer.start(ServerConfig.forTests(data.resolve("db2"))
                        .withTls(new TlsSettings(data.resolve("missing.p12"), "x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
        assertThat(new TlsSettings(issued.keystore(), "secret-value").toString())
                .doesNotContain("secret-value");
    }

    @Test
    void tlsAnswersCarryHstsAndTls12OffersOnlyAeadSuites() throws Exception {
        Issued issued = selfSigned(data);
        try (LinkwayServer server = LinkwayServer.start(ServerConfig.forTests(data.resolve("db"))
                .withTls(new TlsSettings(issued.keystore(), new String(PASSWORD))))) {
            HttpClient client = trusting(issued.certificate());
            for (String path : new String[] {"/health", "/v1/referrals"}) {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                        .as(path)
                        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", issued.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            ssl.init(null, tmf.getTrustManagers(), null);
            // every CBC suite this JVM knows, offered alone on TLS 1.2: no handshake
            String[] cbc = Arrays.stream(ssl.getSupportedSSLParameters().getCipherSuites())
                    .filter(c -> c.contains("_CBC_"))
                    .toArray(String[]::new);
            assertThat(cbc).isNotEmpty();
            assertThatThrownBy(() -> handshake(ssl, server.port(), "TLSv1.2", cbc))
                    .isInstanceOf(IOException.class);
            // an AEAD suite on TLS 1.2 is fine, and so is TLS 1.3
            assertThat(handshake(
                            ssl, server.port(), "TLSv1.2", new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"}))
                    .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            assertThat(handshake(ssl, server.port(), "TLSv1.3", new String[] {"TLS_AES_128_GCM_SHA256"}))
                    .isEqualTo("TLS_AES_128_GCM_SHA256");
        }
    }

    private static String handshake(SSLContext ssl, int port, String protocol, String[] suites) throws IOException {
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(suites);
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }
}
