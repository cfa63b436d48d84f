package org.linkway.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.linkway.model.json.LinkwayJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded load on loopback: starts the reference server jar as its own process on a fresh data
 * directory, times its start-up to the first healthy answer, posts realistic full referrals
 * (durable creates: each answer means committed) over a fixed number of connections until a
 * count or a time limit, then reports throughput, latency percentiles and the server's
 * resident memory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.linkway.benchmarks.load.ReferralLoad \
 *      reference-server/target/linkway-server.jar 8 20000 60</pre>
 */
public final class ReferralLoad {

    private ReferralLoad() { }

    /** Writes a fresh public key where the server will read it and answers an admin token signed with its private half. */
    private static String issueToken(Path data) throws Exception {
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("load").generate();
        Files.writeString(data.resolve("keys.jwks"), new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString());
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256).keyID("load").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("linkway-load").audience("linkway-load").subject("load-harness")
                        .claim("org", "LINKWAY").claim("role", "admin")
                        .expirationTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofHours(2)))).build());
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
        return jwt.serialize();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int maxRequests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        Path data = Files.createTempDirectory("linkway-load");

        long launched = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("java"));
        String serverJvmOptions = System.getenv("LINKWAY_LOAD_SERVER_JVM_OPTIONS"); // e.g. a profiler or heap flags
        if (serverJvmOptions != null && !serverJvmOptions.isBlank()) {
            command.addAll(List.of(serverJvmOptions.trim().split("\\s+")));
        }
        // the server runs as in production, so it needs token keys: the harness is its own issuer
        String token = issueToken(data);
        command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", data.toString(),
                "--jwt-keys", data.resolve("keys.jwks").toString(), "--jwt-issuer", "linkway-load", "--jwt-audience", "linkway-load"));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            double startupMs = waitHealthy(http, base, launched);
            byte[] body = referral();

            long[] latencies = new long[maxRequests];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // one connection each
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < maxRequests && System.nanoTime() < deadline) {
                        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/v1/referrals"))
                                .header("Content-Type", "application/json").header("Idempotency-Key", "load-" + i)
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = own.send(post, HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - t0;
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int done = Math.min(next.get(), maxRequests);
            long[] measured = Arrays.copyOf(latencies, done);
            Arrays.sort(measured);
            System.out.printf("connections=%d requests=%d failures=%d seconds=%.1f%n", connections, done, failures.get(), seconds);
            System.out.printf("throughput=%.0f referrals/s p50=%.1f ms p99=%.1f ms max=%.1f ms%n", done / seconds,
                    pct(measured, 50), pct(measured, 99), measured[measured.length - 1] / 1e6);
            System.out.printf("startup=%.0f ms (process launch to first healthy answer)%n", startupMs);
            System.out.printf("server resident memory after the run=%d MB%n", residentMb(server.pid()));
            long serverCpuMs = cpuMillis(server.pid());
            System.out.printf("server CPU time=%d ms in all (%.2f ms per referral, start-up included); load client CPU=%d ms%n",
                    serverCpuMs, serverCpuMs / (double) done, cpuMillis(ProcessHandle.current().pid()));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static double waitHealthy(HttpClient http, String base, long launched) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(1)).build();
        for (int attempt = 0; attempt < 3000; attempt++) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1e6;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server did not become healthy in 15 s");
    }

    private static byte[] referral() throws IOException {
        try (InputStream in = ReferralLoad.class.getResourceAsStream("/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json")) {
            ObjectNode referral = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            referral.remove(List.of("id", "status"));
            return LinkwayJson.mapper().writeValueAsBytes(referral);
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    /** User plus system CPU time of a process, from /proc (Linux). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
