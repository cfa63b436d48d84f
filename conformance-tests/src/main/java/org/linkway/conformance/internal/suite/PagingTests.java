package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * Paging judged on a population the kit knows: referrals it has just created must all appear,
 * once each, when the pages are read to the end at a small page size. Off-by-one cursors drop
 * or repeat exactly the items at page boundaries, which a count alone cannot see.
 */
final class PagingTests {

    /** Created for this test: enough to cross several page boundaries at {@link #PAGE}. */
    static final int CREATED = 7;

    static final int PAGE = 3;

    /** A ceiling on the walk so a cursor that never ends fails rather than hangs. */
    static final int MAX_PAGES = 5_000;

    private PagingTests() {}

    static List<TestCase> tests() {
        return List.of(shall(
                "RR-39",
                REFERRAL_RECEIVER,
                "Read to the end, the pages list every referral once: none dropped or repeated at page boundaries",
                List.of("LW-REF-046"),
                PagingTests::everyItemOnce));
    }

    static void everyItemOnce(Ctx ctx) {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < CREATED; i++) {
            created.add(Journey.refer(ctx, Examples.MINIMAL_REFERRAL).path("id").asString());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer page = ctx.expect(
                    ctx.http()
                            .get("/v1/referrals?status=received&limit=" + PAGE
                                    + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            JsonNode items = page.json().path("items");
            ctx.check(
                    items.size() <= PAGE, "%s: %d items on a page of at most %d", page.describe(), items.size(), PAGE);
            for (JsonNode r : items) {
                String id = r.path("id").asString("");
                ctx.check(seen.add(id), "%s: referral %s listed twice", page.describe(), id);
            }
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isString() ? URLEncoder.encode(next.asString(), StandardCharsets.UTF_8) : null;
            pages++;
        } while (cursor != null && pages < MAX_PAGES);
        ctx.check(cursor == null, "the listing had not ended after %d pages", MAX_PAGES);
        Set<String> missing = new HashSet<>(created);
        missing.removeAll(seen);
        ctx.check(
                missing.isEmpty(),
                "%d of the %d referrals just created were never listed (page size %d): %s",
                missing.size(),
                CREATED,
                PAGE,
                missing);
    }
}
