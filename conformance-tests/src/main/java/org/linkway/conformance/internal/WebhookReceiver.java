package org.linkway.conformance.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The kit's own webhook receiver: listens on 127.0.0.1 only, records every delivery, and can
 * refuse the next few to see the sender retry. Verifies Standard Webhooks signatures itself.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery attempt as received. */
    public record Delivery(Map<String, String> headers, byte[] body, int answeredWith) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final String host;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();

    private WebhookReceiver(String host) throws IOException {
        this.host = host;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(4 * 1024 * 1024);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            int status = refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            synchronized (deliveries) {
                deliveries.add(new Delivery(headers, body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Starts a receiver; {@code host} is the name the server uses to reach it (loopback by default). */
    public static WebhookReceiver start(String host) {
        try {
            return new WebhookReceiver(host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
    }

    public void refuseNext(int n) {
        refuse.set(n);
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public List<Delivery> accepted() {
        return deliveries().stream().filter(d -> d.answeredWith() / 100 == 2).toList();
    }

    /** True when one of the {@code v1,} signatures in the header is the HMAC of id, timestamp and body under the secret. */
    public static boolean signatureValid(String secret, Delivery d) {
        String header = d.header("webhook-signature");
        if (secret == null
                || !secret.startsWith("whsec_")
                || header == null
                || d.header("webhook-id") == null
                || d.header("webhook-timestamp") == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((d.header("webhook-id") + "." + d.header("webhook-timestamp") + ".")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(d.body());
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")) {
                    byte[] given;
                    try {
                        given = Base64.getDecoder().decode(candidate.substring(3));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
