package org.linkway.server.onward;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.linkway.model.MessageType;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.Paging;
import org.linkway.server.http.QueryInstants;
import org.linkway.server.security.ListScope;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;

/**
 * {@code GET /v1/onward-referrals}: a provider's inbox, the onward referrals addressed to its
 * organisation while the person's consent covers it; a link worker service's onward referrals
 * under the referrals addressed to it; everything for an admin. The database query keeps only
 * the caller's (see {@link ListScope}) with the {@code status} and {@code since} filters, so every
 * page is full and {@code nextCursor} walks only them; Security then shows each item in its
 * reader's view, exactly as {@code GET /v1/onward-referrals/{id}} does.
 */
public final class OnwardInboxRoutes {

    private static final String TYPE = MessageType.ONWARD_REFERRAL.resourceType();

    private final Store store;
    private final Clock clock;

    public OnwardInboxRoutes(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/onward-referrals", this::list);
    }

    private void list(Context ctx) {
        Set<String> statuses = statuses(ctx.queryParams("status"));
        Instant since = QueryInstants.of(ctx, "since");
        int limit = Paging.limit(ctx);
        ListScope scope = ListScope.of(ctx);
        ListQuery query = ListQuery.of(TYPE)
                .statuses(statuses)
                .updatedSince(since)
                .after(Paging.cursor(ctx))
                .limit(limit);
        if (scope != null && scope.addresseeOrg() != null) {
            query = query.addresseeOrg(scope.addresseeOrg());
        }
        if (scope != null && scope.providerIds() != null) {
            query = query.provider(ConsentLedger.providerInbox(scope.providerIds(), clock.instant()));
        }
        ListQuery q = query;
        Page<StoredResource> page = Paging.read(() -> store.transaction(tx -> {
            Page<StoredResource> found = tx.list(q);
            return new Page<>(
                    found.items().stream()
                            .map(o -> o.withBody(tx.feedback().withFeedback(o)))
                            .toList(),
                    found.nextCursor());
        }));
        Json.respond(ctx, 200, Json.page(page));
    }

    /** {@code status}, repeated or comma-separated: each one of the onward referral states; 400 otherwise. */
    static Set<String> statuses(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            for (String code : value.split(",", -1)) {
                String c = code.trim();
                if (OnwardLifecycle.fromCode(c).isEmpty()) {
                    throw ApiProblem.badParameter(
                            "status",
                            "each value must be one of the onward referral states: "
                                    + Arrays.stream(OnwardLifecycle.values())
                                            .map(OnwardLifecycle::code)
                                            .collect(Collectors.joining(", ")));
                }
                out.add(c);
            }
        }
        return out;
    }
}
