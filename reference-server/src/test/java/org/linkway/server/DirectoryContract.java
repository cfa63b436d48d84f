package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.directory.DirectorySettings;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service directory end to end, on both databases: a local authority's Open Referral UK
 * publisher (a real HTTP server on loopback, in pages) imported with the server's own command,
 * published again in the ORUK shape, searched by a link worker, curated, and refused to the roles
 * that may not curate. The reads and searches run first; the tests that change the directory run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
abstract class DirectoryContract {

    LinkwayTestServer running;
    ApiClient admin;
    ApiClient linkWorker;
    OrukPublisher publisher;
    List<JsonNode> feed;

    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database)
                .configure(config -> config.withDirectory(new DirectorySettings(centroids())));
    }

    static Path centroids() {
        try {
            return Path.of(DirectoryContract.class
                    .getResource("/directory/centroids.csv")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void importTheLocalAuthorityFeed(LinkwayTestServer running) {
        this.running = running;
        admin = new ApiClient(running.port());
        linkWorker = admin.as(running.token(Role.LINK_WORKER, "8EC41"));
        feed = OrukPublisher.calderbrook();
        publisher = OrukPublisher.serving(feed);
        int exit = new CommandLine(new Main())
                .execute("directory", "import", "--url", publisher.baseUrl(), "--db-url", databaseUrl());
        assertThat(exit).as("every record of the feed goes in").isZero();
        assertThat(publisher.pagesServed.get()).as("8 services in pages of 3").isEqualTo(3);
    }

    String databaseUrl() {
        return running.database() == TestDatabase.SQLITE
                ? "jdbc:sqlite:" + running.dataDir().resolve("linkway.db").toAbsolutePath()
                : running.databaseUrl();
    }

    @AfterAll
    void stopThePublisher() {
        publisher.close();
    }

    @Test
    @Order(1)
    void eachPublishedServiceIsWhatTheFeedSent() {
        for (JsonNode service : feed) {
            ApiClient.Answer read = linkWorker.get(
                    "/v1/directory/services/" + service.path("id").asString());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(service);
        }
    }

    @Test
    @Order(2)
    void theListIsTheOrukPageShapeAndPagesThroughEveryService() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode answer = linkWorker
                    .get("/v1/directory/services?per_page=3&page=" + page)
                    .json();
            assertThat(answer.path("total_items").asInt()).isEqualTo(8);
            assertThat(answer.path("total_pages").asInt()).isEqualTo(3);
            assertThat(answer.path("page_number").asInt()).isEqualTo(page);
            assertThat(answer.path("first_page").asBoolean()).isEqualTo(page == 1);
            assertThat(answer.path("last_page").asBoolean()).isEqualTo(page == 3);
            assertThat(answer.path("size").asInt()).isEqualTo(page == 3 ? 2 : 3);
            assertThat(answer.path("empty").asBoolean()).isFalse();
            for (JsonNode item : answer.path("contents")) {
                seen.add(item.path("id").asString());
                JsonNode full = feed.stream()
                        .filter(s -> s.path("id").equals(item.path("id")))
                        .findFirst()
                        .orElseThrow();
                assertThat(item.path("name")).isEqualTo(full.path("name"));
                assertThat(item.path("minimum_age")).isEqualTo(full.path("minimum_age"));
                assertThat(item.path("organization").path("name")).isEqualTo(full.at("/organization/name"));
                assertThat(item.has("service_at_locations"))
                        .as("an ORUK list carries one-to-one fields")
                        .isFalse();
            }
        }
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        feed.stream().map(s -> s.path("id").asString()).toList());
        JsonNode beyond =
                linkWorker.get("/v1/directory/services?per_page=3&page=4").json();
        assertThat(beyond.path("empty").asBoolean()).isTrue();
        assertThat(beyond.path("contents")).isEmpty();
    }

    @Test
    @Order(3)
    void aLinkWorkerFindsServicesNearAPostcodeForThePersonsAge() {
        // a 70-year-old near ZZ1 1AA (the ZZ1 centroid), within 2 km: the shed, the walk, the knitting,
        // the singing; not the young carers' club (8-17), the far garden or the phone befriending (no place)
        assertThat(ids("postcode=zz11aa&age=70&proximity=2000"))
                .containsExactly("svc-walking", "svc-shed", "svc-knit", "svc-singing");
        // the same by coordinates, and an outward code alone
        assertThat(ids("lat=53.8&lon=-1.55&age=70&proximity=2000"))
                .containsExactly("svc-walking", "svc-shed", "svc-knit", "svc-singing");
        assertThat(ids("postcode=ZZ1&age=70&proximity=2000")).hasSize(4);
        // a whole postcode in the file wins over its outward code: ZZ1 6LM is at the shed
        assertThat(ids("postcode=ZZ1%206LM&proximity=50")).containsExactly("svc-shed");
        // without a radius, nearest first and those without a place last
        List<String> all = ids("postcode=ZZ1&per_page=50");
        assertThat(all).hasSize(8).endsWith("svc-phone-friends");
        assertThat(all.get(6)).isEqualTo("svc-growing");
    }

    @Test
    @Order(4)
    void searchFiltersBeforeThePageIsCut() {
        assertThat(ids("text=dementia")).containsExactly("svc-singing");
        assertThat(ids("text=FREE%20advice")).containsExactly("svc-debt");
        assertThat(ids("text=100%25")).isEmpty();
        assertThat(ids("category=t-social-isolation")).containsExactly("svc-phone-friends", "svc-knit", "svc-shed");
        assertThat(ids("category=si")).containsExactly("svc-phone-friends", "svc-knit", "svc-shed");
        assertThat(ids("taxonomy_term_id=Mental%20wellbeing"))
                .containsExactly("svc-growing", "svc-shed", "svc-walking");
        assertThat(ids("age=12")).containsExactly("svc-growing", "svc-young-carers");
        // one a page: every page a match, and the total counts the matches
        JsonNode first =
                linkWorker.get("/v1/directory/services?category=si&per_page=1").json();
        assertThat(first.path("total_items").asInt()).isEqualTo(3);
        assertThat(first.path("total_pages").asInt()).isEqualTo(3);
        List<String> paged = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            paged.addAll(ids("category=si&per_page=1&page=" + p));
        }
        assertThat(paged).containsExactly("svc-phone-friends", "svc-knit", "svc-shed");
    }

    @Test
    @Order(5)
    void badSearchParametersAreNamed() {
        for (String query : List.of(
                "age=-1",
                "age=old",
                "lat=53",
                "proximity=100",
                "postcode=notapostcode",
                "postcode=AB1%202CD",
                "per_page=0",
                "page=0",
                "lat=91&lon=0",
                "postcode=ZZ1&lat=1&lon=1")) {
            ApiClient.Answer answer = linkWorker.get("/v1/directory/services?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("detail").asString()).as(query).contains("query parameter '");
        }
    }

    @Test
    @Order(6)
    void everyRoleSearchesOnlyCuratorsCurate() {
        for (Role role : Role.values()) {
            ApiClient as = admin.as(running.token(role, "A81001"));
            assertThat(as.get("/v1/directory/services?text=walk").status())
                    .as(role.claim())
                    .isEqualTo(200);
            assertThat(as.get("/v1/directory/services/svc-walking").status()).isEqualTo(200);
            boolean curates = role == Role.ADMIN || role == Role.LINK_WORKER;
            if (!curates) {
                ApiClient.Answer refused = as.postJson("/v1/directory/imports", "[]");
                assertThat(refused.status()).as(role.claim()).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(as.post("/v1/directory/services/svc-walking/retire", null)
                                .status())
                        .isEqualTo(403);
            }
        }
        assertThat(admin.as(null).get("/v1/directory/services").status()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void aBadRecordIsSkippedWithFindingsAndTheRestGoIn() {
        ArrayNode posted = LinkwayJson.mapper().createArrayNode();
        ObjectNode good = service("svc-extra-good", "Repair Cafe");
        ObjectNode bad = service("svc-extra-bad", "Broken");
        bad.put("status", "open");
        bad.put("minimum_age", 40).put("maximum_age", 20);
        bad.putArray("service_at_locations")
                .addObject()
                .put("id", "sal")
                .putObject("location")
                .put("id", "loc")
                .put("latitude", 123.0)
                .put("longitude", -1.5);
        posted.add(good).add(bad).add(LinkwayJson.mapper().createObjectNode().put("name", "no id"));
        JsonNode report =
                linkWorker.postJson("/v1/directory/imports", posted.toString()).json();
        assertThat(report.path("received").asInt()).isEqualTo(3);
        assertThat(report.path("created").asInt()).isEqualTo(1);
        assertThat(report.path("skipped").asInt()).isEqualTo(2);
        assertThat(report.path("findings").findValuesAsString("path"))
                .contains("$.status", "$.minimum_age", "$.service_at_locations[0].location.latitude", "$.id");
        assertThat(report.path("findings").get(0).path("recordId").asString()).isEqualTo("svc-extra-bad");
        assertThat(linkWorker.get("/v1/directory/services/svc-extra-bad").status())
                .isEqualTo(404);
        assertThat(linkWorker.get("/v1/directory/services/svc-extra-good").json())
                .isEqualTo(good);
        assertThat(admin.postJson("/v1/directory/imports", "\"a string\"").status())
                .isEqualTo(400);
    }

    @Test
    @Order(8)
    void aChangedServiceKeepsItsHistoryAndARetiredOneLeavesSearch() {
        ObjectNode changed = (ObjectNode) feed.get(0).deepCopy();
        changed.put("description", "Led walks now twice a week.");
        JsonNode report = admin.postJson("/v1/directory/imports", "[" + changed + "," + feed.get(1) + "]")
                .json();
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        assertThat(report.path("unchanged").asInt()).isEqualTo(1);
        JsonNode history = linkWorker
                .get("/v1/directory/services/svc-walking/history")
                .json()
                .path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("service")).isEqualTo(feed.get(0));
        assertThat(history.get(1).path("service")).isEqualTo(changed);

        ApiClient.Answer retired = linkWorker.post("/v1/directory/services/svc-walking/retire", null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().path("status").asString()).isEqualTo("defunct");
        assertThat(ids("text=walks")).isEmpty();
        assertThat(linkWorker.get("/v1/directory/services/svc-walking").status())
                .isEqualTo(200);
        assertThat(linkWorker
                        .get("/v1/directory/services/svc-walking/history")
                        .json()
                        .path("items"))
                .hasSize(3);
        assertThat(linkWorker.get("/v1/directory/services/nope/history").status())
                .isEqualTo(404);
        assertThat(linkWorker.post("/v1/directory/services/nope/retire", null).status())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void theCommandImportsAFileAndSaysWhenRecordsWereSkipped(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = dir.resolve("feed.json");
        ObjectNode page = LinkwayJson.mapper().createObjectNode();
        page.putArray("contents")
                .add(service("svc-file-good", "Tea Dance"))
                .add(service("svc-file-bad", "No Status").put("status", "open"));
        java.nio.file.Files.writeString(file, page.toString());
        assertThat(new CommandLine(new Main())
                        .execute("directory", "import", "--file", file.toString(), "--db-url", databaseUrl()))
                .as("a record was skipped")
                .isEqualTo(1);
        assertThat(linkWorker.get("/v1/directory/services/svc-file-good").status())
                .isEqualTo(200);
        assertThat(linkWorker.get("/v1/directory/services/svc-file-bad").status())
                .isEqualTo(404);
        java.nio.file.Files.writeString(file, "42");
        assertThat(new CommandLine(new Main())
                        .execute("directory", "import", "--file", file.toString(), "--db-url", databaseUrl()))
                .as("not a feed: nothing imported")
                .isEqualTo(2);
    }

    private List<String> ids(String query) {
        ApiClient.Answer answer = linkWorker.get("/v1/directory/services?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        answer.json().path("contents").forEach(s -> out.add(s.path("id").asString()));
        return out;
    }

    static ObjectNode service(String id, String name) {
        ObjectNode s = LinkwayJson.mapper().createObjectNode();
        s.put("id", id).put("name", name).put("status", "active").put("url", "https://example.org/" + id);
        s.putObject("organization").put("id", "org-" + id).put("name", name + " Trust");
        return s;
    }
}
