package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcome rules on a server that passes the pre-flight check and then hangs up on every
 * request: the kit cannot tell, so required tests are errors (failing the run), SHOULD tests are
 * errors that do not, and unselected tests are omitted.
 */
class OutcomeSemanticsTest {

    @Test
    void a_server_that_hangs_up_gives_errors_and_only_required_errors_fail_the_run() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().toString().equals("/v1/referrals?limit=1")) {
                byte[] body = "{\"items\":[],\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close(); // anything else: the connection ends with no answer
        });
        server.start();
        try {
            SuiteResult result = ConformanceSuite.run(
                    KitConfig.builder("http://127.0.0.1:" + server.getAddress().getPort())
                            .profile(Profile.REFERRAL_RECEIVER)
                            .only(List.of("RR-01", "RR-21"))
                            .build());
            TestResult required = result.results().stream()
                    .filter(r -> r.id().equals("RR-01"))
                    .findFirst()
                    .orElseThrow();
            TestResult should = result.results().stream()
                    .filter(r -> r.id().equals("RR-21"))
                    .findFirst()
                    .orElseThrow();
            assertThat(required.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(required.failsRun()).isTrue();
            assertThat(required.message()).contains("POST /v1/referrals");
            assertThat(should.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(should.failsRun())
                    .as("a SHOULD test never fails the run")
                    .isFalse();
            assertThat(result.results())
                    .filteredOn(r -> !List.of("RR-01", "RR-21").contains(r.id()))
                    .allMatch(r -> r.outcome() == Outcome.OMIT && !r.failsRun(), "omitted, never failing");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.failedRequirements()).containsExactly("LW-REF-001");
        } finally {
            server.stop(0);
        }
    }
}
