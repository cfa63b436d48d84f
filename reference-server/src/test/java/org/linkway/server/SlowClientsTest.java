package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.http.EdgeSettings;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.storage.AuditEntry;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;

/**
 * Slow and greedy clients: bodies sent a byte at a time are cut off, one token or one address
 * gets no more than its share of the server at once (429 with {@code Retry-After} beyond it),
 * and meanwhile {@code /health} and a well-behaved client keep answering. A flood of requests
 * without a token costs the audit trail one summary entry, not one entry each.
 * Loopback only: the slow clients connect from 127.0.0.2 and up, the well-behaved one from 127.0.0.1.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SlowClientsTest {

    @TempDir
    Path data;

    private static final String HEAD =
            "POST /v1/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\nAuthorization: Bearer ";

    /** Opens a request whose body comes later: headers and the body's first byte. */
    private static Socket open(int port, String from, String token) throws IOException {
        Socket s = RawHttp.connect(port, from, 60_000);
        s.getOutputStream().write((HEAD + token + "\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    void one_token_has_at_most_its_cap_in_progress_and_the_rest_get_429_with_retry_after() throws Exception {
        EdgeSettings edge = EdgeSettings.DEFAULTS
                .withConcurrency(8, 1_000)
                .withBodyTiming(Duration.ofMinutes(2), Duration.ofMinutes(2), 1);
        try (LinkwayServer server =
                LinkwayServer.start(ServerConfig.forTests(data).withEdge(edge))) {
            String token = DevTokens.forPort(server.port()).orElseThrow().mint(Role.ADMIN, "LINKWAY");
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    sockets.add(open(server.port(), "127.0.0.1", token));
                }
                // the refused answer at once, before their bodies; the others cannot answer before theirs arrive
                List<RawHttp.Reply> refused = new ArrayList<>();
                List<Socket> held = new ArrayList<>(sockets);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (refused.size() < 12 && System.nanoTime() < deadline) {
                    for (Socket s : List.copyOf(held)) {
                        if (s.getInputStream().available() > 0) {
                            refused.add(RawHttp.read(s.getInputStream()));
                            held.remove(s);
                        }
                    }
                    Thread.sleep(20);
                }
                assertThat(held).hasSize(8);
                assertThat(refused).hasSize(12).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(LinkwayJson.mapper()
                                    .readTree(r.body())
                                    .path("type")
                                    .asString())
                            .isEqualTo("urn:linkway:problem:too-many-requests");
                });
                // the held ones finish their bodies and are answered as usual (an invalid referral)
                for (Socket s : held) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write(("}" + " ".repeat(998)).getBytes(StandardCharsets.ISO_8859_1));
                    assertThat(RawHttp.read(s.getInputStream()).status()).isBetween(400, 499);
                }
                // and the token's share is free again
                assertThat(new ApiClient(server.port(), token)
                                .get("/v1/referrals")
                                .status())
                        .isEqualTo(200);
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    @Test
    void bodies_a_byte_at_a_time_are_cut_off_while_health_and_a_well_behaved_client_keep_answering() throws Exception {
        EdgeSettings edge = EdgeSettings.DEFAULTS
                .withConcurrency(16, 32)
                .withBodyTiming(Duration.ofSeconds(20), Duration.ofSeconds(8), 1024);
        int slow = 250;
        try (LinkwayServer server =
                LinkwayServer.start(ServerConfig.forTests(data).withEdge(edge))) {
            DevTokens tokens = DevTokens.forPort(server.port()).orElseThrow();
            List<String> slowTokens = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                slowTokens.add(tokens.mint(Role.LINK_WORKER, "8EC41"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(slow);
            try {
                List<Future<Integer>> outcomes = new ArrayList<>();
                for (int i = 0; i < slow; i++) {
                    String from = "127.0.0." + (2 + i % 5);
                    String token = slowTokens.get(i % slowTokens.size());
                    outcomes.add(pool.submit(() -> byteAtATime(server.port(), from, token)));
                }
                ApiClient wellBehaved = new ApiClient(server.port());
                String referral = ReferralApiContract.example(ReferralApiContract.FULL);
                for (int round = 0; round < 5; round++) {
                    assertThat(wellBehaved.get("/health").status()).isEqualTo(200);
                    assertThat(wellBehaved.get("/v1/referrals").status()).isEqualTo(200);
                    assertThat(wellBehaved.postJson("/v1/referrals", referral).status())
                            .isEqualTo(201);
                }
                long stillWaiting = outcomes.stream().filter(f -> !f.isDone()).count();
                Map<Integer, Long> byOutcome = new TreeMap<>();
                for (Future<Integer> f : outcomes) {
                    byOutcome.merge(f.get(3, TimeUnit.MINUTES), 1L, Long::sum);
                }
                System.out.println("slow clients: " + byOutcome + " (status, or -1 for a connection closed; "
                        + stillWaiting + " of " + slow + " still sending when the well-behaved client was done)");
                // each slow client was refused at once (429) or cut off (408, or the connection closed)
                assertThat(byOutcome.keySet()).isSubsetOf(List.of(-1, 408, 429));
                assertThat(byOutcome.getOrDefault(429, 0L)).isPositive();
                assertThat(byOutcome.getOrDefault(408, 0L) + byOutcome.getOrDefault(-1, 0L))
                        .isPositive();
                assertThat(wellBehaved.get("/health").status()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
        }
    }

    /** A body of 1,000 bytes sent one byte every 400 ms; the answer's status, or -1 if the server hung up. */
    private static int byteAtATime(int port, String from, String token) throws IOException, InterruptedException {
        try (Socket s = open(port, from, token)) {
            s.setSoTimeout(60_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int sent = 1; sent < 1000; sent++) {
                if (in.available() > 0) {
                    return RawHttp.read(in).status();
                }
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    return -1;
                }
                Thread.sleep(400);
            }
            return RawHttp.read(in).status();
        }
    }

    @Test
    void a_flood_without_tokens_adds_one_summary_entry_not_one_entry_each() throws Exception {
        EdgeSettings edge = new EdgeSettings(
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                1024,
                16,
                1_000,
                1,
                Duration.ofHours(1));
        String url;
        long before;
        int flood = 1_000;
        try (LinkwayServer server =
                LinkwayServer.start(ServerConfig.forTests(data).withEdge(edge))) {
            url = ServerConfig.forTests(data).effectiveDatabaseUrl();
            before = entries(server.store()).size();
            ApiClient anonymous = new ApiClient(server.port()).as(null);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < flood; i++) {
                    String token = i % 2 == 0 ? null : "forged." + i + ".token";
                    answers.add(pool.submit(
                            () -> anonymous.as(token).get("/v1/referrals").status()));
                }
                for (Future<Integer> a : answers) {
                    assertThat(a.get(1, TimeUnit.MINUTES)).isEqualTo(401);
                }
            } finally {
                pool.shutdownNow();
            }
            List<AuditEntry> during = entries(server.store());
            assertThat(during.size() - before).isEqualTo(1);
            assertThat(during.get(during.size() - 1).outcome()).startsWith("401 x1 since");
        }
        // stopping writes the rest of the count
        try (Store store = JdbcStore.open(url, java.time.Clock.systemUTC())) {
            List<AuditEntry> after = entries(store);
            assertThat(after.size() - before).isEqualTo(2);
            assertThat(after.get(after.size() - 1).outcome()).startsWith("401 x" + (flood - 1) + " since");
            assertThat(after.stream().map(AuditEntry::action).collect(Collectors.toSet()))
                    .contains("refused before authentication");
        }
    }

    private static List<AuditEntry> entries(Store store) {
        return store.transaction(tx -> tx.audit().after(0, 100_000));
    }
}
