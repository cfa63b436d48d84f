package org.linkway.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;

/**
 * CORS from a browser app's side: the configured origin's preflight is answered without a token
 * and its requests' answers (problems included) carry the headers a browser needs to hand them
 * to the page; any other origin, and every origin on a server configured with none, gets no CORS
 * header at all, so the browser keeps the answer from the page.
 */
@Timeout(120)
class CorsTest {

    static final String APP = "https://inbox.charity.example";

    @RegisterExtension
    static final LinkwayTestServer server =
            LinkwayTestServer.sqlite().configure(c -> c.withWeb(WebSettings.DEFAULTS.withCorsOrigins(List.of(APP))));

    @Test
    void theAllowedOriginsPreflightIsAnsweredWithoutAToken() {
        HttpResponse<String> preflight = WebClient.send(
                server.url(),
                "OPTIONS",
                "/v1/onward-referrals",
                Map.of(
                        "Origin", APP,
                        "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "authorization"),
                null);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("GET", "POST", "PATCH");
        assertThat(header(preflight, "Access-Control-Allow-Headers")).contains("Authorization", "If-Match");
        assertThat(header(preflight, "Access-Control-Max-Age")).isNotEmpty();
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void theAllowedOriginReadsAnswersAndProblems() {
        String provider = server.token(Role.PROVIDER);
        HttpResponse<String> inbox = WebClient.send(
                server.url(),
                "GET",
                "/v1/onward-referrals",
                Map.of("Origin", APP, "Authorization", "Bearer " + provider),
                null);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(header(inbox, "Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(header(inbox, "Access-Control-Expose-Headers")).contains("ETag", "X-Request-Id");
        assertThat(header(inbox, "Vary")).contains("Origin");
        // a refusal too, or the app could not tell the person why
        HttpResponse<String> noToken =
                WebClient.send(server.url(), "GET", "/v1/onward-referrals", Map.of("Origin", APP), null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(header(noToken, "Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        String other = "https://elsewhere.example";
        HttpResponse<String> preflight = WebClient.send(
                server.url(),
                "OPTIONS",
                "/v1/onward-referrals",
                Map.of("Origin", other, "Access-Control-Request-Method", "GET"),
                null);
        assertThat(preflight.statusCode()).isNotEqualTo(204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> get = WebClient.send(
                server.url(),
                "GET",
                "/v1/onward-referrals",
                Map.of("Origin", other, "Authorization", "Bearer " + server.token(Role.PROVIDER)),
                null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(header(get, "Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aServerWithNoOriginsConfiguredAllowsNone() {
        try (LinkwayTestServer plain = LinkwayTestServer.sqlite().start()) {
            HttpResponse<String> preflight = WebClient.send(
                    plain.url(),
                    "OPTIONS",
                    "/v1/onward-referrals",
                    Map.of("Origin", APP, "Access-Control-Request-Method", "GET"),
                    null);
            assertThat(preflight.statusCode()).isNotEqualTo(204);
            assertThat(header(preflight, "Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> health = WebClient.send(plain.url(), "GET", "/health", Map.of("Origin", APP), null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(header(health, "Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void anOriginWithAPathIsRefusedAtConfiguration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> WebSettings.DEFAULTS.withCorsOrigins(List.of("https://app.example/inbox")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no path");
        assertThat(WebSettings.origins(" https://a.example, http://b.example:8080 ,"))
                .containsExactly("https://a.example", "http://b.example:8080");
    }

    private static String header(HttpResponse<String> answer, String name) {
        return String.join(",", answer.headers().allValues(name));
    }
}
