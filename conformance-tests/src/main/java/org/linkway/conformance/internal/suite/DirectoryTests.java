package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.DIRECTORY;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;

/**
 * The optional directory profile: the implementation publishes its service directory as an Open
 * Referral UK (ORUK 3.0) API under {@code /v1/directory}. The kit reads what is there; it does
 * not import anything, so an empty directory is skipped, not failed. The shape checks are the
 * kit's own, written from the ORUK documentation (the members search and referral rely on).
 */
final class DirectoryTests {

    static final String SERVICES = "/v1/directory/services";
    private static final int PER_PAGE = 2;

    private DirectoryTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "DR-01",
                        DIRECTORY,
                        "The services list is an ORUK page, and its pages together list every service once",
                        List.of("LW-DIR-001"),
                        DirectoryTests::pages),
                shall(
                        "DR-02",
                        DIRECTORY,
                        "Each listed service reads back by id as a fully nested ORUK service",
                        List.of("LW-DIR-002"),
                        DirectoryTests::services),
                shall(
                        "DR-03",
                        DIRECTORY,
                        "Search by age is filtered before paging: every service on every page admits the age",
                        List.of("LW-DIR-003"),
                        DirectoryTests::ageSearch));
    }

    /** Every service id of the directory, read page by page (skips when there is none). */
    static List<String> allIds(Ctx ctx, String query) {
        List<String> ids = new ArrayList<>();
        JsonNode first = page(ctx, query, 1);
        long total = first.path("total_items").asLong();
        long pages = first.path("total_pages").asLong();
        ctx.check(
                pages == (total + PER_PAGE - 1) / PER_PAGE,
                "%s: %d items in pages of %d cannot be %d pages",
                SERVICES,
                total,
                PER_PAGE,
                pages);
        for (int p = 1; p <= pages; p++) {
            JsonNode page = p == 1 ? first : page(ctx, query, p);
            ctx.check(
                    page.path("page_number").asLong() == p, "page %d says it is page %s", p, page.path("page_number"));
            ctx.check(page.path("first_page").asBoolean() == (p == 1), "page %d: first_page is wrong", p);
            ctx.check(page.path("last_page").asBoolean() == (p == pages), "page %d: last_page is wrong", p);
            ctx.check(
                    page.path("size").asInt() == page.path("contents").size(),
                    "page %d: size %s but %d services",
                    p,
                    page.path("size"),
                    page.path("contents").size());
            ctx.check(page.path("empty").asBoolean() == page.path("contents").isEmpty(), "page %d: empty is wrong", p);
            for (JsonNode s : page.path("contents")) {
                ctx.check(
                        s.path("id").isString() && !s.path("id").asString().isBlank(),
                        "page %d lists a service without an id",
                        p);
                ids.add(s.path("id").asString());
            }
        }
        ctx.check(ids.size() == total, "the pages list %d services; total_items says %d", ids.size(), total);
        ctx.check(new HashSet<>(ids).size() == ids.size(), "a service is listed twice across the pages: %s", ids);
        return ids;
    }

    private static JsonNode page(Ctx ctx, String query, int page) {
        Http.Answer a = ctx.expect(
                ctx.http()
                        .get(SERVICES + "?" + query + (query.isEmpty() ? "" : "&") + "per_page=" + PER_PAGE + "&page="
                                + page),
                200);
        JsonNode json = a.json();
        for (String member : List.of("total_items", "total_pages", "page_number", "size")) {
            ctx.check(json.path(member).isIntegralNumber(), "%s: '%s' must be an integer", a.describe(), member);
        }
        for (String member : List.of("first_page", "last_page", "empty")) {
            ctx.check(json.path(member).isBoolean(), "%s: '%s' must be true or false", a.describe(), member);
        }
        ctx.check(json.path("contents").isArray(), "%s: 'contents' must be an array", a.describe());
        return json;
    }

    static void pages(Ctx ctx) {
        if (allIds(ctx, "").isEmpty()) {
            throw ctx.skip("the directory publishes no services to read");
        }
    }

    static void services(Ctx ctx) {
        List<String> ids = allIds(ctx, "");
        if (ids.isEmpty()) {
            throw ctx.skip("the directory publishes no services to read");
        }
        for (String id : ids) {
            JsonNode s = ctx.expect(ctx.http().get(SERVICES + "/" + id), 200).json();
            OrukShape.service(ctx, id, s);
        }
        ctx.expectProblem(ctx.http().get(SERVICES + "/linkway-kit-no-such-service"), 404);
    }

    static void ageSearch(Ctx ctx) {
        List<String> all = allIds(ctx, "");
        if (all.isEmpty()) {
            throw ctx.skip("the directory publishes no services to read");
        }
        int age = 30;
        List<String> found = allIds(ctx, "age=" + age);
        ctx.check(all.containsAll(found), "searching by age found services the list does not have: %s", found);
        for (String id : found) {
            JsonNode s = ctx.expect(ctx.http().get(SERVICES + "/" + id), 200).json();
            ctx.check(
                    !(s.path("minimum_age").isNumber() && s.path("minimum_age").asDouble() > age)
                            && !(s.path("maximum_age").isNumber()
                                    && s.path("maximum_age").asDouble() < age),
                    "age=%d found %s, whose ages are %s to %s",
                    age,
                    id,
                    s.path("minimum_age"),
                    s.path("maximum_age"));
        }
    }
}
