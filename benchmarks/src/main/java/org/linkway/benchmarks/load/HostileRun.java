package org.linkway.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded hostile run against the packaged server, as its own process, then its resident memory:
 * slow bodies sent a byte at a time from five loopback addresses, abusive requests (bodies near
 * the 2 MiB limit, lying lengths, bad chunks, huge headers, floods without a token) from eight
 * threads, and a few hundred valid referrals, in rounds. Prints the answers by status and the
 * server's resident memory (now and at its peak) after each round.
 *
 * <pre>
 * LINKWAY_LOAD_SERVER_JVM_OPTIONS=-Xmx512m java -cp benchmarks/target/benchmarks.jar \
 *   org.linkway.benchmarks.load.HostileRun reference-server/target/linkway-server.jar 3
 * </pre>
 */
public final class HostileRun {

    private static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

    private HostileRun() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int port = 19000 + (int) (ProcessHandle.current().pid() % 1000);
        Path data = Files.createTempDirectory("linkway-hostile");
        List<String> tokens = ServerProcess.issueTokens(data, "linkway-hostile", 40);
        List<String> command = new ArrayList<>(List.of("java"));
        String options = System.getenv("LINKWAY_LOAD_SERVER_JVM_OPTIONS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--port",
                String.valueOf(port),
                "--data-dir",
                data.toString(),
                "--jwt-keys",
                data.resolve("keys.jwks").toString(),
                "--jwt-issuer",
                "linkway-hostile",
                "--jwt-audience",
                "linkway-hostile"));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
        ExecutorService pool = Executors.newFixedThreadPool(300);
        try {
            ServerProcess.waitHealthy(
                    java.net.http.HttpClient.newHttpClient(), "http://127.0.0.1:" + port, System.nanoTime());
            System.out.printf(
                    "server pid %d, options [%s], started: %d MB resident%n",
                    server.pid(), options == null ? "" : options, ServerProcess.residentMb(server.pid()));
            Random random = new Random(18_008L);
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    String from = "127.0.0." + (2 + i % 5);
                    String token = tokens.get(i % tokens.size());
                    work.add(pool.submit(() -> record(slowBody(port, from, token))));
                }
                for (int t = 0; t < 8; t++) {
                    long seed = random.nextLong();
                    work.add(pool.submit(() -> abuse(port, tokens.get(0), new Random(seed), 400)));
                }
                for (int t = 0; t < 4; t++) {
                    work.add(pool.submit(() -> valid(port, tokens.get(1), 100)));
                }
                for (Future<?> f : work) {
                    f.get(10, TimeUnit.MINUTES);
                }
                System.out.printf(
                        "round %d: %.0f s, answers %s; server %d MB resident, peak %d MB%n",
                        round,
                        (System.nanoTime() - started) / 1e9,
                        new java.util.TreeMap<>(STATUSES),
                        ServerProcess.residentMb(server.pid()),
                        peakMb(server.pid()));
            }
        } finally {
            pool.shutdownNow();
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            ServerProcess.deleteTree(data);
        }
    }

    private static void record(int status) {
        STATUSES.computeIfAbsent(status == -1 ? "closed" : String.valueOf(status), k -> new AtomicInteger())
                .incrementAndGet();
    }

    /** A 1,000-byte body a byte every 400 ms; the status, or -1 when the server hangs up. */
    private static int slowBody(int port, String from, String token) {
        try (Socket s = connect(port, from)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /v1/referrals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\nAuthorization: Bearer " + token + "\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 1; i < 1000; i++) {
                if (in.available() > 0) {
                    return status(in);
                }
                out.write(' ');
                out.flush();
                Thread.sleep(400);
            }
            return status(in);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void abuse(int port, String token, Random random, int requests) {
        byte[] big = ("{\"note\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < requests; i++) {
            String auth = random.nextInt(3) == 0 ? "" : "Authorization: Bearer " + token + "\r\n";
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            String head =
                    "POST /v1/referrals HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                            + auth;
            boolean halfClose = false;
            switch (random.nextInt(6)) {
                case 0 -> { // near the limit, invalid
                    req.writeBytes((head + "Content-Length: " + big.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    req.writeBytes(big);
                }
                case 1 -> { // shorter than said
                    req.writeBytes(
                            (head + "Content-Length: 100000\r\n\r\n{\"a\":").getBytes(StandardCharsets.ISO_8859_1));
                    halfClose = true;
                }
                case 2 -> { // a bad chunk after a big good one
                    req.writeBytes(
                            (head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length) + "\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    req.writeBytes(big);
                    req.writeBytes("\r\nzz\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    halfClose = true;
                }
                case 3 ->
                    req.writeBytes(
                            ("GET /v1/referrals?updatedSince=+300000-01-01T00:00:00Z HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: "
                                            + "h".repeat(random.nextInt(40_000)) + "\r\n" + auth + "\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                case 4 ->
                    req.writeBytes((head + "Content-Length: 52428800\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                default ->
                    req.writeBytes(("GET /v1/" + "p".repeat(random.nextInt(30_000))
                                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            }
            record(exchange(port, req.toByteArray(), halfClose));
        }
    }

    private static void valid(int port, String token, int requests) {
        byte[] body;
        try (InputStream in = HostileRun.class.getResourceAsStream(
                "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\",", "")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < requests; i++) {
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes(
                    ("POST /v1/referrals HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            req.writeBytes(body);
            record(exchange(port, req.toByteArray(), false));
        }
    }

    private static int exchange(int port, byte[] request, boolean halfClose) {
        try (Socket s = connect(port, "127.0.0.1")) {
            try {
                s.getOutputStream().write(request);
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException answeredEarly) {
                // the server may refuse before the body is written: read its answer
            }
            return status(s.getInputStream());
        } catch (IOException e) {
            return -1;
        }
    }

    private static Socket connect(int port, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        return s;
    }

    /** The status of the answer on {@code in}, then the rest of the answer drained; -1 for none. */
    private static int status(InputStream in) throws IOException {
        byte[] line = new byte[12];
        int n = in.readNBytes(line, 0, 12);
        if (n < 12) {
            return -1;
        }
        int status = Integer.parseInt(new String(line, 9, 3, StandardCharsets.ISO_8859_1));
        try {
            in.readAllBytes();
        } catch (IOException ignored) {
            // a keep-alive answer: the status is what counts
        }
        return status;
    }

    private static long peakMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
