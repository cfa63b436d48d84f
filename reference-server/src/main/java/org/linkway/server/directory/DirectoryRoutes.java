package org.linkway.server.directory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Store;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service directory over HTTP: Linkway as an Open Referral UK publisher (the list and the
 * service routes in the ORUK API's shapes), search, and the curators' import and retirement.
 * Who may call which is in {@code AccessPolicy}.
 */
public final class DirectoryRoutes {

    public static final String BASE = "/v1/directory";

    private final Store store;
    private final Clock clock;
    private final Geocoder geocoder;

    public DirectoryRoutes(Store store, Clock clock, Geocoder geocoder) {
        this.store = store;
        this.clock = clock;
        this.geocoder = geocoder;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/services", this::list);
        routes.get(BASE + "/services/{id}", this::get);
        routes.get(BASE + "/services/{id}/history", this::history);
        routes.post(BASE + "/services/{id}/retire", this::retire);
        routes.post(BASE + "/imports", this::importFeed);
    }

    private void list(Context ctx) {
        SearchQuery query = SearchParameters.read(ctx, geocoder);
        DirectorySearch.Result found = store.read(tx -> DirectorySearch.run(SqlAccess.connection(tx), query));
        Json.respond(ctx, 200, page(found, query));
    }

    /** The ORUK API's page: counts, where this page is, and the services' one-to-one fields. */
    static ObjectNode page(DirectorySearch.Result found, SearchQuery query) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        long totalPages = (found.total() + query.perPage() - 1) / query.perPage();
        out.put("total_items", found.total());
        out.put("total_pages", totalPages);
        out.put("page_number", query.page());
        out.put("size", found.bodies().size());
        out.put("first_page", query.page() == 1);
        out.put("last_page", query.page() >= totalPages);
        out.put("empty", found.bodies().isEmpty());
        ArrayNode contents = out.putArray("contents");
        for (String body : found.bodies()) {
            contents.add(listItem(Json.MAPPER.readTree(body)));
        }
        return out;
    }

    /** What an ORUK list carries of a service: its one-to-one fields and its organisation's. */
    static ObjectNode listItem(JsonNode service) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        service.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (e.getKey().equals("organization") && v.isObject()) {
                ObjectNode org = item.putObject("organization");
                v.properties().forEach(o -> {
                    if (!o.getValue().isContainer()) {
                        org.set(o.getKey(), o.getValue());
                    }
                });
            } else if (!v.isContainer()) {
                item.set(e.getKey(), v);
            }
        });
        return item;
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        StoredService service = store.read(tx -> new DirectoryStore(SqlAccess.connection(tx)).current(id))
                .orElseThrow(() -> ApiProblem.notFound("directory service", id));
        ctx.header("ETag", "\"" + service.version() + "\"");
        Json.respond(ctx, 200, service.body());
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        List<StoredService> versions = store.read(tx -> new DirectoryStore(SqlAccess.connection(tx)).history(id));
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("directory service", id);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (StoredService v : versions) {
            ObjectNode item = items.addObject();
            item.put("version", v.version());
            item.put("retired", v.retired());
            item.set("service", Json.MAPPER.readTree(v.body()));
        }
        Json.respond(ctx, 200, out);
    }

    /** Leaves the service out of search from now on; its versions stay, and it can still be read by id. */
    private void retire(Context ctx) {
        String id = ctx.pathParam("id");
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        StoredService retired = store.transaction(tx -> {
            DirectoryStore tables = new DirectoryStore(SqlAccess.connection(tx));
            StoredService current = tables.current(id).orElseThrow(() -> ApiProblem.notFound("directory service", id));
            if (current.retired()) {
                return current;
            }
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(current.body());
            body.put("status", "defunct");
            return tables.retire(current, Json.write(body), micros);
        });
        ctx.header("ETag", "\"" + retired.version() + "\"");
        Json.respond(ctx, 200, retired.body());
    }

    private void importFeed(Context ctx) {
        Json.requireJson(ctx);
        JsonNode feed;
        try {
            feed = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JacksonException e) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY, "the body is not well-formed JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> records = DirectoryImport.records(feed)
                .orElseThrow(
                        () -> new ApiProblem(
                                ProblemType.MALFORMED_BODY,
                                "the body must be an ORUK feed: an array of services, an ORUK page with contents, or one service"));
        ImportReport report = new DirectoryImport(store, clock).run(records, "POST " + BASE + "/imports");
        Json.respond(ctx, 200, report.toJson());
    }
}
