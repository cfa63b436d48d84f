package org.linkway.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local authority's Open Referral UK publisher, as its directory system serves one: {@code GET
 * /services?page=n&per_page=m} in pages of at most {@link #PAGE_CAP} (whatever is asked for) carrying
 * only the services' one-to-one fields, and {@code GET /services/{id}} fully nested. A real HTTP
 * server on 127.0.0.1 (the JDK's).
 */
final class OrukPublisher implements AutoCloseable {

    static final int PAGE_CAP = 3;
    static final String FEED = "/directory/calderbrook-oruk-services.json";

    private final HttpServer http;
    private final List<JsonNode> services;
    final AtomicInteger pagesServed = new AtomicInteger();

    private OrukPublisher(List<JsonNode> services) throws IOException {
        this.services = services;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/oruk/services", this::handle);
        http.start();
    }

    static OrukPublisher serving(List<JsonNode> services) {
        try {
            return new OrukPublisher(services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invented local authority feed in test resources, as a list of services. */
    static List<JsonNode> calderbrook() {
        try (InputStream in = OrukPublisher.class.getResourceAsStream(FEED)) {
            List<JsonNode> out = new ArrayList<>();
            LinkwayJson.mapper().readTree(in.readAllBytes()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String calderbrookText() {
        try (InputStream in = OrukPublisher.class.getResourceAsStream(FEED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an importer is given. */
    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/oruk";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        JsonNode answer;
        if (path.equals("/oruk/services")) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            int size = Math.min(PAGE_CAP, Integer.parseInt(query.getOrDefault("per_page", "50")));
            answer = page(page, size);
            pagesServed.incrementAndGet();
        } else {
            String id = URLDecoder.decode(path.substring("/oruk/services/".length()), StandardCharsets.UTF_8);
            answer = services.stream()
                    .filter(s -> s.path("id").asString().equals(id))
                    .findFirst()
                    .orElse(null);
        }
        byte[] body = answer == null
                ? "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8)
                : LinkwayJson.mapper().writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private JsonNode page(int page, int size) {
        int total = services.size();
        int pages = (total + size - 1) / size;
        ObjectNode out = LinkwayJson.mapper().createObjectNode();
        out.put("total_items", total);
        out.put("total_pages", pages);
        out.put("page_number", page);
        ArrayNode contents = LinkwayJson.mapper().createArrayNode();
        for (int i = (page - 1) * size; i < Math.min(total, page * size); i++) {
            ObjectNode item = LinkwayJson.mapper().createObjectNode();
            services.get(i).properties().forEach(e -> {
                if (!e.getValue().isContainer()) {
                    item.set(e.getKey(), e.getValue());
                }
            });
            contents.add(item);
        }
        out.put("size", contents.size());
        out.put("first_page", page == 1);
        out.put("last_page", page >= pages);
        out.put("empty", contents.isEmpty());
        out.set("contents", contents);
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
