package org.linkway.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the server jar, launched as a user would launch it, timed from process launch to the
 * first {@code 200} from {@code /health} (polled every 5 ms), over several runs, one at a time.
 * Reports each run's wall time, the server's CPU time and resident memory at that moment, then the
 * minimum, median and maximum: single start-ups on a shared virtual machine vary by a few tenths
 * of a second, so one number says little.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.linkway.benchmarks.load.StartupTime \
 *      reference-server/target/linkway-server.jar [runs, default 9] [dev|keys] [new|existing]</pre>
 *
 * <ul>
 *   <li>{@code dev}: {@code --dev} (a throwaway key, demo data, printed tokens); {@code keys}:
 *       production-style, with a token key file the harness writes.</li>
 *   <li>{@code new}: a new data directory every run (first start: the database is created, and in
 *       development mode the demo data loaded before {@code /health} answers); {@code existing}: one
 *       directory, made by an unmeasured start, reused by every run (a restart).</li>
 *   <li>{@code LINKWAY_STARTUP_JVM_OPTIONS}: JVM flags for the server, e.g. a class-data archive.</li>
 * </ul>
 */
public final class StartupTime {

    private StartupTime() {}

    record Run(double wallMs, long cpuMs, long residentMb) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        boolean dev = args.length <= 2 || args[2].equals("dev");
        boolean existing = args.length > 3 && args[3].equals("existing");
        Path root = Files.createTempDirectory("linkway-startup");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        try {
            Path shared = root.resolve("existing");
            if (existing) {
                start(jar, dev, shared, http); // makes the database (and the demo data); not measured
            }
            List<Run> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Run run = start(jar, dev, existing ? shared : root.resolve("new-" + i), http);
                measured.add(run);
                System.out.printf(
                        "run %d: %.0f ms to the first healthy answer, server CPU %d ms, resident %d MB%n",
                        i + 1, run.wallMs(), run.cpuMs(), run.residentMb());
            }
            double[] wall = measured.stream().mapToDouble(Run::wallMs).sorted().toArray();
            long[] cpu = measured.stream().mapToLong(Run::cpuMs).sorted().toArray();
            System.out.printf(
                    "%s, %s data directory, %d runs: wall min %.0f / median %.0f / max %.0f ms; server CPU median %d ms%n",
                    dev ? "--dev" : "token keys",
                    existing ? "existing" : "new",
                    runs,
                    wall[0],
                    median(wall),
                    wall[wall.length - 1],
                    cpu[cpu.length / 2]);
        } finally {
            ServerProcess.deleteTree(root);
        }
    }

    private static Run start(Path jar, boolean dev, Path data, HttpClient http) throws Exception {
        Files.createDirectories(data);
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String options = System.getenv("LINKWAY_STARTUP_JVM_OPTIONS");
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--data-dir",
                data.toString()));
        if (dev) {
            command.add("--dev");
        } else {
            ServerProcess.issueToken(data, "linkway-startup");
            command.addAll(List.of(
                    "--jwt-keys",
                    data.resolve("keys.jwks").toString(),
                    "--jwt-issuer",
                    "linkway-startup",
                    "--jwt-audience",
                    "linkway-startup"));
        }
        long launched = System.nanoTime();
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("server.log").toFile()))
                .start();
        try {
            double wall = ServerProcess.waitHealthy(http, "http://127.0.0.1:" + port, launched);
            return new Run(wall, ServerProcess.cpuMillis(server.pid()), ServerProcess.residentMb(server.pid()));
        } finally {
            server.destroy(); // SIGTERM: the server closes its database as it would in service
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
