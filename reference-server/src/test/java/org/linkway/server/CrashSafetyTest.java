package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load loses no acknowledged write: the server runs as its own process on an
 * SQLite file, four clients post referrals, the process is killed without warning mid-stream,
 * and a new process on the same file must hold every referral that was answered 201, each with
 * its event.
 */
class CrashSafetyTest {

    @TempDir
    Path data;

    @Test
    void a_killed_server_keeps_every_referral_it_acknowledged() throws Exception {
        int port = freePort();
        // outside development mode the server starts only with token keys; the test is its own issuer
        ECKey issuer = new ECKeyGenerator(Curve.P_256).keyID("crash-test").generate();
        Files.writeString(data.resolve("keys.jwks"), new JWKSet(issuer.toPublicJWK()).toString());
        Process first = launch(port);
        ApiClient api = new ApiClient(
                port,
                SecurityTestTokens.sign(
                        issuer, "admin", "LINKWAY", "crash-test-issuer", "linkway-crash-test", Duration.ofHours(1)));
        awaitHealthy(api);
        String body = ReferralApiContract.example(ReferralApiContract.FULL);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    try {
                        ApiClient.Answer a = api.postJson("/v1/referrals", body);
                        if (a.status() == 201) {
                            acknowledged.add(a.json().path("id").asString());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        // a deadline, not a timing assertion: if the clients cannot get 60 answers at all, say so instead of hanging
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < 60) {
            if (System.nanoTime() > deadline) {
                first.destroyForcibly();
                killed.set(true);
                clients.shutdownNow();
                throw new AssertionError("the first server acknowledged only " + acknowledged.size()
                        + " referrals in 120 s (60 needed before the kill); its log is in " + data);
            }
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        killed.set(true);
        first.waitFor(10, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(20, TimeUnit.SECONDS);

        Process second = launch(port);
        try {
            awaitHealthy(api);
            for (String id : acknowledged) {
                assertThat(api.get("/v1/referrals/" + id).status())
                        .as("referral %s was acknowledged", id)
                        .isEqualTo(200);
                assertThat(api.get("/v1/referrals/" + id + "/events")
                                .json()
                                .path("items")
                                .get(0)
                                .path("type")
                                .asString())
                        .isEqualTo("referral.received");
            }
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process launch(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        data.toString(),
                        "--jwt-keys",
                        data.resolve("keys.jwks").toString(),
                        "--jwt-issuer",
                        "crash-test-issuer",
                        "--jwt-audience",
                        "linkway-crash-test"))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server-" + port + "-" + System.nanoTime() + ".log")
                        .toFile())
                .start();
    }

    private static void awaitHealthy(ApiClient api) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
