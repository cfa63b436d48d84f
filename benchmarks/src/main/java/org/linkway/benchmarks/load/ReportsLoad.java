package org.linkway.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The commissioner reports over a large store (issue #7). Bounded: it creates a fresh data
 * directory, lets the server create its schema, bulk-inserts N referrals (default 1,000,000)
 * straight into SQLite with their events (received, then each status change), starts
 * {@code linkway-server.jar} on it, times the first report request (which folds every event into
 * the report tables), then times each report several times.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.linkway.benchmarks.load.ReportsLoad reference-server/target/linkway-server.jar 1000000</pre>
 */
public final class ReportsLoad {

    private static final int MONTHS = 24;
    private static final int ORGS = 40;
    private static final LocalDate START = LocalDate.of(2024, 12, 1);

    private ReportsLoad() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "reference-server/target/linkway-server.jar");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path data = Files.createTempDirectory("linkway-reports");
        int port = 19000 + (int) (ProcessHandle.current().pid() % 1000);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        String base = "http://127.0.0.1:" + port;

        Process schema = launch(jar, port, data);
        waitHealthy(http, base);
        schema.destroy();
        schema.waitFor();

        long t0 = System.nanoTime();
        long events = load(data.resolve("linkway.db"), n);
        System.out.printf(
                "bulk load: %,d referrals, %,d events in %.1f s; database %,d MB%n",
                n, events, (System.nanoTime() - t0) / 1e9, Files.size(data.resolve("linkway.db")) / (1024 * 1024));

        Process server = launch(jar, port, data);
        try {
            waitHealthy(http, base);
            String window = "from=2024-12&to=2026-11";
            double first = time(http, base + "/v1/reports/process-measures?" + window, "application/json")[0];
            System.out.printf(
                    "first report request (folds all %,d events into the report tables): %.1f s%n",
                    events, first / 1000);
            String[][] cases = {
                {"/v1/reports/minimum-dataset?" + window, "application/json"},
                {"/v1/reports/process-measures?" + window, "application/json"},
                {"/v1/reports/process-measures?" + window, "text/csv"},
                {"/v1/reports/minimum-dataset?" + window + "&period=quarter", "application/json"},
                {"/v1/reports/process-measures?" + window + "&referrerOrg=ORG07", "application/json"},
            };
            for (String[] c : cases) {
                double[] ms = new double[repeats];
                int bytes = 0;
                for (int i = 0; i < repeats; i++) {
                    double[] r = time(http, base + c[0], c[1]);
                    ms[i] = r[0];
                    bytes = (int) r[1];
                }
                Arrays.sort(ms);
                System.out.printf(
                        "%-90s %-16s median %6.0f ms  max %6.0f ms  (%,d bytes)%n",
                        c[0], c[1], ms[repeats / 2], ms[repeats - 1], bytes);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.out.println("data directory (delete when done): " + data);
    }

    private static Process launch(Path jar, int port, Path data) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        String options = System.getenv("LINKWAY_LOAD_SERVER_JVM_OPTIONS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
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
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("server.log").toFile()))
                .start();
    }

    private static void waitHealthy(HttpClient http, String base) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health"))
                .timeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not become healthy in 60 s");
    }

    /** {elapsed ms, body bytes}; fails on anything but 200. */
    private static double[] time(HttpClient http, String url, String accept) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept)
                .timeout(Duration.ofMinutes(60))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return new double[] {ms, r.body().length()};
    }

    /** Inserts the referrals and their events in big transactions; answers the number of events. */
    private static long load(Path db, int n) throws Exception {
        Random rnd = new Random(7);
        String[] genders = {"1", "2", "2", "1", "2", "9", "X"};
        String[] ethnic = {"A", "A", "A", "A", "B", "C", "H", "J", "K", "M", "N", "D", "R", "S", "Z"};
        String[] methods = {
            "nhs-e-referral-service", "secure-messaging", "secure-email", "phone", "letter", "fax", "self-referral"
        };
        String[] services = {
            "General practice",
            "General practice",
            "General practice",
            "Hospital discharge team",
            "Adult social care",
            "Housing association",
            "Community pharmacy",
            "Wellbeing charity"
        };
        String[] needs = {"422650009", "35489007", "160625004", "228368007", "105529008"};
        long spanMicros = ChronoUnit.MICROS.between(
                        START.atStartOfDay().toInstant(ZoneOffset.UTC),
                        START.plusMonths(MONTHS).atStartOfDay().toInstant(ZoneOffset.UTC))
                - 200L * 86_400_000_000L;
        long startMicros =
                ChronoUnit.MICROS.between(Instant.EPOCH, START.atStartOfDay().toInstant(ZoneOffset.UTC));
        long events = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            try (PreparedStatement res = c.prepareStatement(
                            "INSERT INTO resource_latest (type, id, version, referral_id, status, referrer_org, "
                                    + "body, created_at, updated_at) VALUES ('Referral', ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement ev = c.prepareStatement(
                            "INSERT INTO event (id, referral_id, type, resource_type, resource_id, "
                                    + "resource_version, payload, created_at) VALUES (?, ?, ?, 'Referral', ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    String id = "bench-" + i;
                    long at = startMicros + (long) ((double) i / n * spanMicros);
                    String org = String.format("ORG%02d", (int) (Math.pow(rnd.nextDouble(), 2) * ORGS));
                    String method = methods[rnd.nextInt(methods.length)];
                    StringBuilder complaints = new StringBuilder();
                    int k = rnd.nextInt(3);
                    for (int j = 0; j < k; j++) {
                        complaints
                                .append(j == 0 ? "" : ",")
                                .append("{\"coding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"")
                                .append(needs[rnd.nextInt(needs.length)])
                                .append("\"}}");
                    }
                    String body =
                            "{\"resourceType\":\"Referral\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\",\"id\":\""
                                    + id
                                    + "\",\"personDemographics\":{\"name\":{\"familyNames\":[\"Testperson\"]},\"dateOfBirth\":\""
                                    + LocalDate.of(1930 + rnd.nextInt(90), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))
                                    + "\",\"gender\":\""
                                    + genders[rnd.nextInt(genders.length)] + "\",\"ethnicity\":\""
                                    + ethnic[rnd.nextInt(ethnic.length)]
                                    + "\",\"nhsNumber\":\"" + nhsNumber(rnd.nextInt(n)) + "\"},"
                                    + "\"referralDetails\":{\"entries\":[{\"referrerDetails\":{\"name\":\"Referrer\",\"service\":{\"text\":\""
                                    + services[rnd.nextInt(services.length)] + "\"},\"organisation\":{\"code\":\"" + org
                                    + "\"}},"
                                    + "\"referralMethod\":\"" + method + "\"}]},"
                                    + "\"presentingComplaintsOrIssues\":{\"presentingComplaints\":[" + complaints
                                    + "]}}";
                    List<String[]> steps = steps(rnd);
                    String status = steps.isEmpty() ? "received" : steps.get(steps.size() - 1)[0];
                    long updated = at + (steps.isEmpty() ? 0 : Long.parseLong(steps.get(steps.size() - 1)[1]));
                    res.setString(1, id);
                    res.setLong(2, 1 + steps.size());
                    res.setString(3, id);
                    res.setString(4, status);
                    res.setString(5, org);
                    res.setString(6, body);
                    res.setLong(7, at);
                    res.setLong(8, updated);
                    res.addBatch();
                    addEvent(ev, id, "referral.received", 1, "{\"to\":\"received\"}", at);
                    events++;
                    String from = "received";
                    int version = 1;
                    for (String[] step : steps) {
                        version++;
                        addEvent(
                                ev,
                                id,
                                "referral.status-changed",
                                version,
                                "{\"from\":\"" + from + "\",\"to\":\"" + step[0] + "\"}",
                                at + Long.parseLong(step[1]));
                        from = step[0];
                        events++;
                    }
                    if (i % 20_000 == 19_999) {
                        res.executeBatch();
                        ev.executeBatch();
                        c.commit();
                    }
                }
                res.executeBatch();
                ev.executeBatch();
                c.commit();
            }
        }
        return events;
    }

    private static void addEvent(PreparedStatement ev, String id, String type, int version, String payload, long at)
            throws SQLException {
        ev.setString(1, UUID.randomUUID().toString());
        ev.setString(2, id);
        ev.setString(3, type);
        ev.setString(4, id);
        ev.setInt(5, version);
        ev.setString(6, payload);
        ev.setLong(7, at);
        ev.addBatch();
    }

    /** A journey: {status, micros after receipt} per transition. */
    private static List<String[]> steps(Random rnd) {
        long day = 86_400_000_000L;
        List<String[]> s = new ArrayList<>();
        int p = rnd.nextInt(100);
        if (p < 5) {
            return s; // still received
        }
        if (p < 10) {
            s.add(new String[] {"rejected", Long.toString(2 * day)});
            return s;
        }
        s.add(new String[] {"accepted", Long.toString(day * (1 + rnd.nextInt(5)))});
        if (p < 18) {
            s.add(new String[] {"declined", Long.toString(day * (6 + rnd.nextInt(20)))});
        } else if (p < 26) {
            s.add(new String[] {"unable-to-contact", Long.toString(day * (20 + rnd.nextInt(40)))});
        } else if (p < 28) {
            s.add(new String[] {"cancelled", Long.toString(day * (6 + rnd.nextInt(20)))});
        } else if (p > 40) {
            s.add(new String[] {"in-progress", Long.toString(day * (6 + rnd.nextInt(20)))});
            if (p > 55) {
                s.add(new String[] {"completed", Long.toString(day * (30 + rnd.nextInt(170)))});
            }
        }
        return s;
    }

    /** A valid-format fake NHS number in the 999 range for person {@code p} (some people are referred twice). */
    private static String nhsNumber(int p) {
        for (int bump = 0; ; bump++) {
            String nine = "999" + String.format("%06d", (p + bump * 7919) % 1_000_000);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            check = check == 11 ? 0 : check;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
