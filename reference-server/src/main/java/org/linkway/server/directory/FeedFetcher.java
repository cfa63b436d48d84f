package org.linkway.server.directory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.linkway.server.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole directory from an Open Referral UK API: {@code GET {base}/services?page=n} from
 * page 1 until the page that says it is the last, then {@code GET {base}/services/{id}} for each
 * service, since an ORUK list carries only a service's one-to-one fields.
 */
public final class FeedFetcher {

    static final int PER_PAGE = 100;
    /** A feed that never says it has ended is not followed for ever. */
    static final int MAX_PAGES = 10_000;

    private final HttpClient http;
    private final Duration timeout;

    public FeedFetcher(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Every service the API lists, fully nested.
     *
     * @throws IOException naming the URL, when a page or a service cannot be read: then nothing is imported
     */
    public List<JsonNode> fetch(String baseUrl) throws IOException, InterruptedException {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        List<String> ids = new ArrayList<>();
        List<JsonNode> listed = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode answer = get(base + "/services?page=" + page + "&per_page=" + PER_PAGE);
            JsonNode contents = answer.path("contents");
            if (!contents.isArray()) {
                throw new IOException(base + "/services page " + page + " is not an ORUK page (no contents array)");
            }
            for (JsonNode item : contents) {
                listed.add(item);
                ids.add(item.path("id").isString() ? item.path("id").asString() : null);
            }
            boolean last = answer.path("last_page").asBoolean(false)
                    || contents.isEmpty()
                    || (answer.path("total_pages").isNumber()
                            && page >= answer.path("total_pages").asInt());
            if (last) {
                break;
            }
        }
        List<JsonNode> services = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            // a list item without an id cannot be fetched: it goes to the checks as listed, which name it
            services.add(
                    id == null || id.isBlank()
                            ? listed.get(i)
                            : get(base + "/services/"
                                    + URLEncoder.encode(id, StandardCharsets.UTF_8)
                                            .replace("+", "%20")));
        }
        return services;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new IOException("GET " + url + " did not answer JSON: " + e.getOriginalMessage(), e);
        }
    }
}
