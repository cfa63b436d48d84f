package org.linkway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * Sends and reads bytes (spreadsheets in, workbooks out) over real HTTP, each exchange checked
 * against the OpenAPI document as {@link ApiClient}'s are (bodies in JSON media types by schema,
 * every other body by its declared content type).
 */
final class SheetClient {

    /** XLSX's media type. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record Answer(int status, byte[] body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return LinkwayJson.mapper().readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    SheetClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    Answer post(String path, String contentType, byte[] body) {
        return send("POST", path, body, "Content-Type", contentType);
    }

    Answer get(String path, String accept) {
        return send("GET", path, null, "Accept", accept);
    }

    /** A form with the spreadsheet as part {@code file} and, when not null, a mapping file as part {@code mapping}. */
    Answer postForm(String path, byte[] file, String fileName, byte[] mapping) {
        String boundary = "----linkway-test-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "file", fileName, file);
        if (mapping != null) {
            part(out, boundary, "mapping", "mapping.json", mapping);
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, byte[] body) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    Answer send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> sent = new LinkedHashMap<>();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            sent.put(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        OpenApiContract.get()
                .check(new OpenApiContract.Exchange(
                        method,
                        URI.create(base + path).getRawPath(),
                        sent,
                        body == null ? null : new String(body, StandardCharsets.ISO_8859_1),
                        r.statusCode(),
                        r.headers().map(),
                        new String(
                                r.body(),
                                r.headers()
                                                .firstValue("Content-Type")
                                                .orElse("")
                                                .contains("json")
                                        ? StandardCharsets.UTF_8
                                        : StandardCharsets.ISO_8859_1)));
        return new Answer(r.statusCode(), r.body(), r);
    }
}
