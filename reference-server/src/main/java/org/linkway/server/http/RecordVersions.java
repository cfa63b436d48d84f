package org.linkway.server.http;

import io.javalin.http.Context;
import java.util.List;
import org.linkway.model.ProblemType;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side of a record a referral has one of, kept in every version (the care plan, the
 * hospital stay): the current version, all versions on one page, one version by number. Each
 * answer carries the ETag of the version it shows, so a writer can send it back in If-Match.
 */
public final class RecordVersions {

    private final Store store;
    private final String type;
    private final String noun;

    /**
     * @param type the stored resource type
     * @param noun what the record is called in answers ("care plan")
     */
    public RecordVersions(Store store, String type, String noun) {
        this.store = store;
        this.type = type;
        this.noun = noun;
    }

    /** {@code GET .../{record}}: the current version. */
    public void current(Context ctx) {
        String referralId = ctx.pathParam("id");
        StoredResource r = store.transaction(tx -> tx.get(type, referralId))
                .orElseThrow(() -> ApiProblem.notFound(noun + " for referral", referralId));
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }

    /** {@code GET .../versions}: every version on one page; a record changes a handful of times, not thousands. */
    public void all(Context ctx) {
        List<StoredResource> all = history(ctx.pathParam("id"));
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        all.forEach(r -> items.add(Json.MAPPER.readTree(r.body())));
        out.putNull("nextCursor");
        Json.respond(ctx, 200, out);
    }

    /** {@code GET .../versions/{version}}: one version by its number, from 1. */
    public void one(Context ctx) {
        String referralId = ctx.pathParam("id");
        String text = ctx.pathParam("version");
        long wanted = text.matches("[0-9]{1,18}") ? Long.parseLong(text) : 0;
        if (wanted < 1) {
            throw new ApiProblem(
                    ProblemType.BAD_PARAMETER,
                    "path parameter 'version': must be a whole number from 1, not '" + text + "'");
        }
        List<StoredResource> all = history(referralId);
        StoredResource r = all.stream()
                .filter(v -> v.version() == wanted)
                .findFirst()
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.NOT_FOUND,
                        "the " + noun + " for referral '" + referralId + "' has no version " + wanted
                                + "; its versions are 1 to "
                                + all.get(all.size() - 1).version()));
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }

    private List<StoredResource> history(String referralId) {
        List<StoredResource> all = store.transaction(tx -> tx.history(type, referralId));
        if (all.isEmpty()) {
            throw ApiProblem.notFound(noun + " for referral", referralId);
        }
        return all;
    }
}
