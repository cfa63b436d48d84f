package org.linkway.server.security;

import io.javalin.config.RoutesConfig;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;

/** {@code GET /v1/audit/verify}: the admin's proof that the audit trail is whole (admins only, by {@link AccessPolicy}). */
public final class AuditRoutes {

    private final Store store;

    public AuditRoutes(Store store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/audit/verify", ctx -> Json.respond(ctx, 200, Security.verifyAudit(store)));
    }
}
