package org.linkway.server.messageback;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.linkway.server.http.Json;
import org.linkway.server.http.Negotiation;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.http.QueryInstants;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.security.ListScope;
import org.linkway.server.security.MessageBackView;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;

/**
 * The message back as its recipients read it: one referral's ({@code /v1/referrals/{id}/message-back},
 * JSON or the FHIR document a GP system files) and the list of those addressed to the caller
 * ({@code /v1/message-backs}). Who may read which, and in which view, is Security's decision
 * ({@link MessageBackView}, {@link ListScope}); these routes only apply it.
 */
public final class MessageBackRoutes {

    private static final String FHIR_JSON = "application/fhir+json";

    private final Store store;
    private final ReferralService referrals;
    private final Function<String, String> fhirDocument;

    /** @param fhirDocument a MessageBack (JSON) as the FHIR document Bundle (JSON) */
    public MessageBackRoutes(Store store, ReferralService referrals, Function<String, String> fhirDocument) {
        this.store = store;
        this.referrals = referrals;
        this.fhirDocument = fhirDocument;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/referrals/{id}/message-back", this::read);
        routes.get("/v1/message-backs", this::list);
    }

    /** The message back a caller may see, in the view it may see: JSON, or the FHIR document Bundle. */
    void read(Context ctx) {
        String form = Negotiation.choose(ctx, List.of(Json.CONTENT_TYPE, FHIR_JSON), Map.of());
        String id = ctx.pathParam("id");
        Seen seen = seen(ctx, referrals, id);
        ctx.header("ETag", Preconditions.etag(seen.stored().version()));
        if (form.equals(FHIR_JSON)) {
            ctx.status(200).contentType(FHIR_JSON).result(fhirDocument.apply(seen.json()));
        } else {
            Json.respond(ctx, 200, seen.json());
        }
    }

    /** A stored message back and the JSON of it this request's caller may see. */
    public record Seen(StoredResource stored, String json) {}

    /** The message back of referral {@code id} in the view Security decided for this request (also for the FHIR facade). */
    public static Seen seen(Context ctx, ReferralService referrals, String id) {
        StoredResource stored = referrals.messageBack(id);
        MessageBackView view = MessageBackView.of(ctx);
        return new Seen(
                stored,
                view.full()
                        ? stored.body()
                        : view.render(
                                stored.body(),
                                Json.MAPPER.readTree(referrals.get(id).body())));
    }

    /**
     * The message backs addressed to the caller, least recently issued or changed first, a page
     * at a time; {@code since} keeps those issued or changed at or after an instant. The database
     * query keeps only the caller's (see {@link ListScope}), so pages are full; each item is then
     * cut to the caller's view.
     */
    void list(Context ctx) {
        Instant since = QueryInstants.of(ctx, "since");
        Instant from = since;
        ListScope scope = ListScope.of(ctx);
        String addressee = scope == null ? null : scope.addresseeOrg();
        String recipient = scope == null ? null : scope.recipientOrg();
        Page<StoredResource> page =
                Paging.read(() -> store.read(tx -> tx.list(ListQuery.of(ReferralService.MESSAGE_BACK)
                        .updatedSince(from)
                        .after(Paging.cursor(ctx))
                        .limit(Paging.limit(ctx))
                        .addresseeOrg(addressee)
                        .recipientOrg(recipient))));
        Json.respond(ctx, 200, Json.page(page));
    }
}
