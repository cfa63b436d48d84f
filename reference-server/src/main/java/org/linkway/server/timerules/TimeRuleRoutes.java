package org.linkway.server.timerules;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.Preconditions;
import org.linkway.server.security.Caller;
import org.linkway.server.security.RequestCaller;
import org.linkway.server.security.Role;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.ResourceRef;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.VersionConflictException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/time-rules} and {@code PUT /v1/time-rules}: the caller's own link worker service's
 * rules (an admin names the service with {@code ?organisation=}). Replacing them needs
 * {@code If-Match} with the version read ({@code "0"} while the service has the defaults).
 */
public final class TimeRuleRoutes {

    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9]{1,20}");

    private final Store store;

    public TimeRuleRoutes(Store store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/time-rules", this::get);
        routes.put("/v1/time-rules", this::put);
    }

    private void get(Context ctx) {
        String organisation = organisation(ctx);
        TimeRuleStore.Versioned current = store.read(tx -> TimeRuleStore.read(tx, organisation));
        ctx.header("ETag", Preconditions.etag(current.version()));
        Json.respond(ctx, 200, current.rules().toJson(organisation, current.version()));
    }

    private void put(Context ctx) {
        String organisation = organisation(ctx);
        long expected = Preconditions.ifMatch(ctx, "time rules");
        Json.requireJson(ctx);
        JsonNode body = Json.objectBody(ctx);
        TimeRules rules = TimeRulesRequest.parse(body, organisation);
        try {
            long version = store.transaction(tx -> {
                long current = TimeRuleStore.read(tx, organisation).version();
                if (current != expected) {
                    throw Preconditions.stale("time rules", expected, current);
                }
                ObjectNode doc = rules.toJson(organisation, current + 1);
                return current == 0
                        ? tx.create(NewResource.of(TimeRuleStore.TYPE, organisation)
                                        .body(Json.write(doc)))
                                .version()
                        : tx.update(new ResourceRef(TimeRuleStore.TYPE, organisation, current), null, Json.write(doc))
                                .version();
            });
            ctx.header("ETag", Preconditions.etag(version));
            Json.respond(ctx, 200, rules.toJson(organisation, version));
        } catch (VersionConflictException e) {
            throw Preconditions.stale("time rules", expected, e.currentVersion());
        }
    }

    /** The service whose rules these are: the caller's own; an admin names one. */
    private static String organisation(Context ctx) {
        Caller caller = RequestCaller.of(ctx)
                .orElseThrow(() -> new IllegalStateException("time rules reached without an authenticated caller"));
        String named = ctx.queryParam("organisation");
        if (named != null && !ORG.matcher(named).matches()) {
            throw ApiProblem.badParameter(
                    "organisation", "the link worker service's ODS code, 1 to 20 letters and digits");
        }
        if (caller.is(Role.ADMIN)) {
            if (named == null) {
                throw ApiProblem.badParameter(
                        "organisation", "an admin names the link worker service whose time rules these are");
            }
            return named;
        }
        if (named != null && !named.equals(caller.organisation())) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "a link worker service reads and sets only its own time rules ('" + caller.organisation()
                            + "'), not '" + named + "'s");
        }
        return caller.organisation();
    }
}
