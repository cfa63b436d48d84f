package org.linkway.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Profile;
import org.linkway.server.LinkwayServer;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/** The base class a vendor extends, run through the JUnit Platform as their build would run it. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LinkwayConformanceTestsTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    static LinkwayServer server;
    /** A Linkway server with no FHIR facade: an empty referral list, and 404 for every other path. */
    static HttpServer withoutFhir;

    @BeforeAll
    static void start() throws IOException {
        server = testServer.server();
        // how a vendor's build passes its token: a system property the annotation falls back to
        System.setProperty("linkway.token", DevAdmin.token(server));
        // and the GP practice's, whose ODS code the kit reads from the token's org claim
        System.setProperty("linkway.token.gp-practice", DevAdmin.mint(server, Role.REFERRER, DevAdmin.GP_PRACTICE));
        withoutFhir = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        withoutFhir.createContext("/", e -> {
            if (e.getRequestURI().getPath().equals("/v1/referrals")) {
                byte[] empty = "{\"items\":[],\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8);
                e.getResponseHeaders().add("Content-Type", "application/json");
                e.sendResponseHeaders(200, empty.length);
                e.getResponseBody().write(empty);
            } else {
                e.sendResponseHeaders(404, -1);
            }
            e.close();
        });
        withoutFhir.start();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("linkway.token");
        System.clearProperty("linkway.token.gp-practice");
        withoutFhir.stop(0);
        server = null; // the extension stops it
    }

    @LinkwayConformance(
            profiles = {"referral-receiver", "feedback"},
            only = {"RR-01", "RR-21", "FB-02"})
    static class VendorSuite extends LinkwayConformanceTests {
        @Override
        protected KitConfig config() {
            Assumptions.assumeTrue(server != null, "only run through LinkwayConformanceTestsTest");
            return configFromAnnotation("http://127.0.0.1:" + server.port());
        }
    }

    @LinkwayConformance(
            profiles = {"feedback", "fhir"},
            only = {"FB-06", "FH-04"})
    static class GpPracticeSuite extends LinkwayConformanceTests {
        @Override
        protected KitConfig config() {
            Assumptions.assumeTrue(server != null, "only run through LinkwayConformanceTestsTest");
            return configFromAnnotation("http://127.0.0.1:" + server.port());
        }
    }

    @LinkwayConformance(profiles = "fhir", only = "FH-01")
    static class VendorClaimingFhir extends LinkwayConformanceTests {
        @Override
        protected KitConfig config() {
            Assumptions.assumeTrue(server != null, "only run through LinkwayConformanceTestsTest");
            return configFromAnnotation(
                    "http://127.0.0.1:" + withoutFhir.getAddress().getPort());
        }
    }

    static TestExecutionSummary launch(Class<?> suite) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(suite))
                        .build(),
                listener);
        return listener.getSummary();
    }

    @Test
    void passing_kit_tests_succeed_and_the_rest_are_skipped_not_failed() {
        TestExecutionSummary s = launch(VendorSuite.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(3);
        assertThat(s.getTestsFailedCount()).isZero();
        // the sender tests are listed but run by the receive command, not by the suite
        long runnable = ConformanceSuite.tests().stream()
                .filter(t -> t.profile() != Profile.REFERRAL_SENDER)
                .count();
        assertThat(s.getTestsAbortedCount()).isEqualTo(runnable - 3);
    }

    @Test
    void the_gp_practice_token_from_a_system_property_reads_the_message_back() {
        TestExecutionSummary s = launch(GpPracticeSuite.class);
        assertThat(s.getTestsFailedCount())
                .as(String.valueOf(s.getFailures().stream()
                        .map(f -> f.getException().getMessage())
                        .toList()))
                .isZero();
        assertThat(s.getTestsSucceededCount())
                .as("FB-06 and FH-04 run as the GP practice and pass")
                .isEqualTo(2);
    }

    @Test
    void a_required_failure_fails_the_junit_test_with_its_requirement_id() {
        TestExecutionSummary s = launch(VendorClaimingFhir.class);
        assertThat(s.getTestsFailedCount()).isEqualTo(1);
        assertThat(s.getFailures().get(0).getException())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LW-FHR-001")
                .hasMessageContaining("/fhir/R4/metadata -> 404");
    }
}
