package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The User-Agent names this client's version as the POM gives it, not a number written into the code. */
class UserAgentTest {

    @Test
    void the_user_agent_carries_the_projects_version_from_the_pom() throws IOException {
        String expected = System.getProperty("linkway.projectVersion");
        assertThat(expected).as("surefire passes the POM's version").isNotBlank();
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer stand = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stand.createContext("/v1/referrals", x -> {
            seen.set(x.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = "{\"items\":[],\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        stand.start();
        try {
            LinkwayClient.builder()
                    .baseUrl("http://127.0.0.1:" + stand.getAddress().getPort())
                    .retryPolicy(RetryPolicy.none())
                    .build()
                    .referrals()
                    .list()
                    .firstPage();
        } finally {
            stand.stop(0);
        }

        assertThat(seen.get()).isEqualTo("linkway-java-client/" + expected);
    }
}
