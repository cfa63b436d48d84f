package org.linkway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.LinkwayClient;
import org.linkway.client.RetryPolicy;
import org.linkway.client.TokenProvider;
import org.linkway.client.Versioned;
import org.linkway.conformance.internal.Examples;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Senders the {@code receive} command judges: a GP system written with the SDK client, and a
 * plain HTTP sender that can be told to get one thing wrong (the SDK would not let it).
 */
final class Senders {

    private Senders() {}

    /** The shipped full GP referral (an invented person) as a sender posts it. */
    static ObjectNode referral() {
        return Examples.toSend(Examples.FULL_REFERRAL);
    }

    /** A free port on 127.0.0.1 for the kit to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code receive} with these arguments in the background. */
    static CompletableFuture<RunCommandTest.Result> receive(String... args) {
        return CompletableFuture.supplyAsync(() -> RunCommandTest.run(args));
    }

    /** Waits until something listens on the port (the kit's receiver has started). */
    static void awaitListening(int port) throws InterruptedException {
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
    }

    /**
     * The well-behaved sender: the SDK client sends the referral (with an Idempotency-Key, retrying
     * the 503) and then fetches its message back, as a GP system files it. Returns the message back.
     */
    static MessageBack sdkSender(int port, String token) {
        LinkwayClient client = LinkwayClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .tokenProvider(TokenProvider.of(token))
                .retryPolicy(RetryPolicy.defaultPolicy())
                .build();
        Referral referral = LinkwayJson.mapper().treeToValue(referral(), Referral.class);
        Versioned<Referral> created = client.referrals().create(referral);
        return client.referral(created.value().getId()).messageBack().value();
    }

    /** How the plain sender posts: to which path, as what, with or without a key. */
    record Post(String path, String contentType, String body, boolean withKey) {
        static Post linkway(ObjectNode referral) {
            return new Post("/v1/referrals", "application/json", referral.toString(), true);
        }

        static Post fhir(ObjectNode referral) {
            Referral typed = LinkwayJson.mapper().treeToValue(referral, Referral.class);
            return new Post(
                    "/fhir/R4/Bundle",
                    "application/fhir+json",
                    FhirBinding.create().toFhirJson(typed, BundleForm.TRANSACTION),
                    true);
        }

        /** A BaRS-shaped FHIR message Bundle (MessageHeader first) to the message endpoint. */
        static Post fhirMessage(ObjectNode referral) {
            Referral typed = LinkwayJson.mapper().treeToValue(referral, Referral.class);
            return new Post(
                    "/fhir/R4/$process-message",
                    "application/fhir+json",
                    FhirBinding.create().toFhirJson(typed, BundleForm.MESSAGE),
                    true);
        }

        Post contentType(String type) {
            return new Post(path, type, body, withKey);
        }

        Post withoutKey() {
            return new Post(path, contentType, body, false);
        }
    }

    /**
     * A plain sender: posts once, sends the same request again after a 503's Retry-After, and
     * fetches the message back of a referral answered 201 when {@code fetch}. Returns the final status.
     */
    static int plainSender(int port, String token, Post post, boolean fetch) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> answer;
        String retryAfter = "1";
        int attempts = 0;
        do {
            if (attempts > 0) {
                Thread.sleep(1000L * Long.parseLong(retryAfter));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + post.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", post.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(post.body()));
            if (post.withKey()) {
                b.header("Idempotency-Key", key);
            }
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            retryAfter = answer.headers().firstValue("Retry-After").orElse("1");
            attempts++;
        } while (answer.statusCode() == 503 && attempts < 3);
        if (fetch && answer.statusCode() == 201) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            HttpResponse<String> back = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/v1/referrals/" + id + "/message-back"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        }
        return answer.statusCode();
    }
}
