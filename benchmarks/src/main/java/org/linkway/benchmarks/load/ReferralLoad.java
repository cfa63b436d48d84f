package org.linkway.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * count or a time limit, then reports throughput, latency percentiles, the server's resident
 * memory and its CPU time per referral (by thread: request threads, SQLite writer, JIT compiler).
 * An optional fifth argument sends that many requests first, unmeasured, so that the figures
 * describe a warmed-up server rather than one still compiling its hot code. An optional sixth
 * picks the intake: {@code v1} (Linkway JSON to {@code POST /v1/referrals}, the default),
 * {@code fhir} (the same referral as a FHIR transaction Bundle to {@code POST /fhir/R4/Bundle}) or
 * {@code bars} (the same referral as a BaRS message, a fresh message id per request, to
 * {@code POST /fhir/R4/$process-message}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.linkway.benchmarks.load.ReferralLoad \
 *      reference-server/target/linkway-server.jar 8 20000 60 [warm-up requests] [v1|fhir|bars]</pre>
 */
public final class ReferralLoad {

    private ReferralLoad() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int maxRequests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 0; // requests sent first and not measured
        Intake intake = Intake.of(args.length > 5 ? args[5] : "v1");
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        Path data = Files.createTempDirectory("linkway-load");

        long launched = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("java"));
        String serverJvmOptions = System.getenv("LINKWAY_LOAD_SERVER_JVM_OPTIONS"); // e.g. a profiler or heap flags
        if (serverJvmOptions != null && !serverJvmOptions.isBlank()) {
            command.addAll(List.of(serverJvmOptions.trim().split("\\s+")));
        }
        // the server runs as in production, so it needs token keys: the harness is its own issuer
        String token = ServerProcess.issueToken(data, "linkway-load");
        command.addAll(List.of(
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
                "linkway-load"));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String base = "http://127.0.0.1:" + port;
            double startupMs = ServerProcess.waitHealthy(http, base, launched);
            Intake.Body body = intake.body(referral());
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            if (warmUp > 0) {
                Run warm = post(pool, port, token, connections, intake, body, "warm-", warmUp, maxSeconds);
                System.out.printf(
                        "warm-up (not measured): %d requests, %d failures, %.1f s%n",
                        warm.done(), warm.failures(), warm.seconds());
            }
            Map<String, Long> cpuBefore = threadCpuMillis(server.pid());
            long clientBefore = ServerProcess.cpuMillis(ProcessHandle.current().pid());
            Run run = post(pool, port, token, connections, intake, body, "load-", maxRequests, maxSeconds);
            Map<String, Long> cpuAfter = threadCpuMillis(server.pid());
            long clientDuring = ServerProcess.cpuMillis(ProcessHandle.current().pid()) - clientBefore;
            pool.shutdown();
            int done = run.done();
            double seconds = run.seconds();
            long[] latencies = run.latencies();
            AtomicInteger failures = new AtomicInteger(run.failures());
            long[] measured = Arrays.copyOf(latencies, done);
            Arrays.sort(measured);
            System.out.printf(
                    "intake=%s (%s, %d bytes) connections=%d requests=%d failures=%d seconds=%.1f%n",
                    intake.name, intake.path, body.length(), connections, done, failures.get(), seconds);
            System.out.printf(
                    "throughput=%.0f referrals/s p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    done / seconds, pct(measured, 50), pct(measured, 99), measured[measured.length - 1] / 1e6);
            System.out.printf("startup=%.0f ms (process launch to first healthy answer)%n", startupMs);
            System.out.printf("server resident memory after the run=%d MB%n", ServerProcess.residentMb(server.pid()));
            long before = cpuBefore.entrySet().stream()
                    .filter(e -> !e.getKey().equals(KERNEL))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long total = cpuAfter.entrySet().stream()
                    .filter(e -> !e.getKey().equals(KERNEL))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            System.out.printf(
                    "server CPU: before the measured load %d ms (start-up%s); during it %d ms = %.2f ms per referral; "
                            + "load client CPU during it %d ms = %.2f ms per referral%n",
                    before,
                    warmUp > 0 ? " and warm-up" : "",
                    total - before,
                    (total - before) / (double) done,
                    clientDuring,
                    clientDuring / (double) done);
            StringBuilder byThread = new StringBuilder("server CPU during the load by thread:");
            cpuAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0 && !e.getKey().equals(KERNEL))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> byThread.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / (double) done)));
            byThread.append(String.format(
                    " %s=%.2f",
                    KERNEL, (cpuAfter.getOrDefault(KERNEL, 0L) - cpuBefore.getOrDefault(KERNEL, 0L)) / (double) done));
            System.out.println(byThread.append(" (ms per referral)"));
        } finally {
            server.destroy();
            server.waitFor();
            ServerProcess.deleteTree(
                    data); // a run writes a few hundred MB; sixty runs filled 20 GB of /tmp before this
        }
    }

    /** Not a thread: the kernel (system) share of all threads' time, reported beside them. */
    private static final String KERNEL = "(of which in the kernel)";

    private record Run(int done, int failures, double seconds, long[] latencies) {}

    /** Posts up to {@code count} referrals, each with its own key, over {@code connections} keep-alive connections. */
    private static Run post(
            ExecutorService pool,
            int port,
            String token,
            int connections,
            Intake intake,
            Intake.Body body,
            String keyPrefix,
            int count,
            int maxSeconds)
            throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(pool.submit(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", port, token)) {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        int status = connection.post(intake.path, keyPrefix + i, body.with(keyPrefix + i));
                        latencies[i] = System.nanoTime() - t0;
                        if (status != intake.success) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(Math.min(next.get(), count), failures.get(), seconds, latencies);
    }

    static byte[] referral() throws IOException {
        try (InputStream in = ReferralLoad.class.getResourceAsStream(
                "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json")) {
            ObjectNode referral = (ObjectNode) LinkwayJson.mapper().readTree(in.readAllBytes());
            referral.remove(List.of("id", "status"));
            return LinkwayJson.mapper().writeValueAsBytes(referral);
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    /**
     * CPU time (user plus system) of a process's threads, summed by thread name with digits
     * dropped (so the pool's threads add up), from /proc (Linux). Threads that ended are missed,
     * which is why the process total is not used here: the names say where the time went.
     */
    private static Map<String, Long> threadCpuMillis(long pid) {
        // KERNEL is the system-time part of all the others, kept under its own name
        Map<String, Long> byName = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                    byName.merge(KERNEL, Long.parseLong(f[12]) * 10, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // gone between listing and reading
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /**
     * One HTTP/1.1 keep-alive connection over a plain socket: the JDK's HttpClient costs about as
     * much CPU per request as the server does, and the client shares the server's cores. Every
     * response is read to its end (Content-Length or chunked) and its status returned; a
     * response that closes the connection, or cannot be parsed, is an error, not a skip.
     */
    static final class KeepAliveConnection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final BufferedInputStream in;
        private final String host;
        private final String authorization;

        KeepAliveConnection(String host, int port, String token) throws IOException {
            this.authorization = "Authorization: Bearer " + token + "\r\n";
            this.socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.host = host + ":" + port;
        }

        int post(String path, String idempotencyKey, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + authorization + "Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("a response without Content-Length or chunking cannot be kept alive");
            }
            if (close) {
                throw new IOException("the server closed the connection after status " + code);
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        private void skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new IOException("connection closed mid-body");
                }
                n -= r;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
