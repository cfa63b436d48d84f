package org.linkway.benchmarks.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A healthy webhook subscriber's delivery latency, without and then with a second subscriber
 * that accepts the connection and never answers. Starts the server jar as its own process with
 * its default webhook settings (10 s to answer), subscribes a loopback receiver, posts referrals
 * at a steady pace, and measures for each referral the time from its 201 to the healthy receiver
 * getting its {@code referral.received} event. Then subscribes the hanging receiver and does the
 * same again. Bounded: a fixed number of referrals per phase, and a deadline for the deliveries.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.linkway.benchmarks.load.WebhookIsolationLoad \
 *      reference-server/target/linkway-server.jar [referrals per phase, 100] [ms between referrals, 50] \
 *      [warm-up referrals, 50]</pre>
 */
public final class WebhookIsolationLoad {

    private WebhookIsolationLoad() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int perPhase = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int paceMs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 50; // delivered first, not measured
        int port = 19000 + (int) (ProcessHandle.current().pid() % 1000);
        Path data = Files.createTempDirectory("linkway-webhook-load");
        String token = ServerProcess.issueToken(data, "linkway-load");
        Process server = new ProcessBuilder(
                        "java",
                        "-jar",
                        jar.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        data.toString(),
                        "--jwt-keys",
                        data.resolve("keys.jwks").toString(),
                        "--jwt-issuer",
                        "linkway-load",
                        "--jwt-audience",
                        "linkway-load")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
        ExecutorService receiverThreads = Executors.newCachedThreadPool();
        HttpServer healthy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        healthy.setExecutor(receiverThreads);
        healthy.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode event = LinkwayJson.mapper().readTree(in.readAllBytes());
                if ("referral.received".equals(event.path("type").asString(""))) {
                    arrived.putIfAbsent(event.path("referralId").asString(), System.nanoTime());
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        healthy.start();
        try (Hanging hanging = new Hanging()) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String base = "http://127.0.0.1:" + port;
            ServerProcess.waitHealthy(http, base, System.nanoTime());
            Api api = new Api(http, base, token);
            api.subscribe("http://127.0.0.1:" + healthy.getAddress().getPort() + "/hook");
            byte[] referral = referral();
            if (warmUp > 0) {
                phase("warm-up (not measured)", api, referral, warmUp, paceMs, arrived, null);
            }
            phase("healthy receiver alone", api, referral, perPhase, paceMs, arrived, null);
            api.subscribe(hanging.url());
            phase("healthy receiver beside one that never answers", api, referral, perPhase, paceMs, arrived, hanging);
        } finally {
            healthy.stop(0);
            receiverThreads.shutdownNow();
            server.destroy();
            server.waitFor();
            ServerProcess.deleteTree(data);
        }
    }

    private static void phase(
            String name, Api api, byte[] referral, int count, int paceMs, Map<String, Long> arrived, Hanging hanging)
            throws Exception {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = api.refer(referral);
            committed.put(id, System.nanoTime());
            Thread.sleep(paceMs);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!arrived.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long[] latencies = committed.entrySet().stream()
                .filter(e -> arrived.containsKey(e.getKey()))
                .mapToLong(e -> arrived.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
        System.out.printf(
                "%s: %d referrals, %d delivered; latency from 201 to delivery p50=%.0f ms p95=%.0f ms max=%.0f ms%s%n",
                name,
                count,
                latencies.length,
                pct(latencies, 50),
                pct(latencies, 95),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6,
                hanging == null
                        ? ""
                        : String.format(
                                "; the hanging receiver was sent %d connections, %d given up on (timed out)",
                                hanging.accepted.get(), hanging.abandoned.get()));
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static byte[] referral() throws IOException {
        try (InputStream in = WebhookIsolationLoad.class.getResourceAsStream(
                "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json")) {
            ObjectNode referral = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            referral.remove(List.of("id", "status"));
            return LinkwayJson.mapper().writeValueAsBytes(referral);
        }
    }

    private record Api(HttpClient http, String base, String token) {
        void subscribe(String url) throws Exception {
            HttpResponse<String> r = http.send(
                    request("/v1/subscriptions")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("subscribing failed: " + r.statusCode() + " " + r.body());
            }
        }

        String refer(byte[] body) throws Exception {
            HttpResponse<String> r = http.send(
                    request("/v1/referrals")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("referral refused: " + r.statusCode() + " " + r.body());
            }
            return LinkwayJson.mapper().readTree(r.body()).path("id").asString();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
        }
    }

    /** Accepts every connection, reads what it is sent, never answers. */
    private static final class Hanging implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        final List<Socket> held = new ArrayList<>();

        Hanging() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        synchronized (held) {
                            held.add(s);
                        }
                        Thread reader = new Thread(() -> {
                            byte[] buffer = new byte[8192];
                            try (InputStream in = s.getInputStream()) {
                                while (in.read(buffer) >= 0) {
                                    // never answered
                                }
                            } catch (IOException ignored) {
                                // gone
                            }
                            if (!socket.isClosed()) {
                                abandoned.incrementAndGet();
                            }
                        });
                        reader.setDaemon(true);
                        reader.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
