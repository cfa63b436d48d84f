package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Role x organisation x endpoint: every route the server registers, called by every kind of
 * caller, against a referral from RX9E2 addressed to link worker service 8EC41 with an onward
 * referral to charity 1187342 (consent given). The expectations are written out here, not read
 * from the policy, so a change to the policy that nobody meant shows up as a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class AccessMatrixTest {

    enum Who {
        REFERRER_OWN(Role.REFERRER, "RX9E2"),
        REFERRER_OTHER(Role.REFERRER, "A81001"),
        LINK_WORKER_OWN(Role.LINK_WORKER, "8EC41"),
        LINK_WORKER_OTHER(Role.LINK_WORKER, "9ZZ99"),
        /** The registered GP practice of the referral (its GP practice section), not its referrer. */
        GP_PRACTICE(Role.REFERRER, "M91528"),
        PROVIDER_OWN(Role.PROVIDER, "1187342"),
        PROVIDER_OTHER(Role.PROVIDER, "7654321"),
        COMMISSIONER(Role.COMMISSIONER, "QEM"),
        ADMIN(Role.ADMIN, "LINKWAY");

        final Role role;
        final String org;

        Who(Role role, String org) {
            this.role = role;
            this.org = org;
        }
    }

    enum Expect {
        ALLOW,
        FORBID_403,
        HIDE_404
    }

    private static final Set<Who> ALL = EnumSet.allOf(Who.class);
    private static final Set<Who> SEES_REFERRAL = EnumSet.of(Who.REFERRER_OWN, Who.LINK_WORKER_OWN, Who.ADMIN);
    private static final Set<Who> SEES_ONWARD = EnumSet.of(Who.LINK_WORKER_OWN, Who.PROVIDER_OWN, Who.ADMIN);
    private static final Set<Who> LINK_WORKER = EnumSet.of(Who.LINK_WORKER_OWN, Who.ADMIN);
    private static final Set<Who> READERS = EnumSet.of(
            Who.REFERRER_OWN,
            Who.REFERRER_OTHER,
            Who.GP_PRACTICE,
            Who.LINK_WORKER_OWN,
            Who.LINK_WORKER_OTHER,
            Who.ADMIN);
    /** A message back is addressed to the referrer and the registered GP practice; its link worker service and admins read it too. */
    private static final Set<Who> SEES_MESSAGE_BACK =
            EnumSet.of(Who.REFERRER_OWN, Who.GP_PRACTICE, Who.LINK_WORKER_OWN, Who.ADMIN);

    /** What the route names: nothing, a referral, or an onward referral. */
    enum Names {
        NOTHING,
        REFERRAL,
        ONWARD,
        MESSAGE_BACK
    }

    record Expectation(Names names, Set<Who> allowed) {}

    /** Every route the server serves, and who may use it. A route missing here fails the test. */
    private static final Map<String, Expectation> MATRIX = new LinkedHashMap<>();

    static {
        put(Names.NOTHING, ALL, "GET /health", "GET /openapi.json", "GET /json/{file}", "GET /.well-known/jwks.json");
        // the web pages and the open validation (issue 20): no stored data, no token
        put(
                Names.NOTHING,
                ALL,
                "GET /",
                "GET /inspector",
                "POST /inspector",
                "POST /v1/$validate",
                "GET /assets/{file}",
                "GET /assets/images/{file}");
        put(Names.NOTHING, EnumSet.of(Who.REFERRER_OWN, Who.LINK_WORKER_OWN, Who.ADMIN), "POST /v1/referrals");
        put(Names.NOTHING, READERS, "GET /v1/referrals");
        // a provider reads the log too, cut down to its own onward referrals (see the consent tests)
        put(
                Names.NOTHING,
                EnumSet.of(
                        Who.REFERRER_OWN,
                        Who.REFERRER_OTHER,
                        Who.GP_PRACTICE,
                        Who.LINK_WORKER_OWN,
                        Who.LINK_WORKER_OTHER,
                        Who.PROVIDER_OWN,
                        Who.PROVIDER_OTHER,
                        Who.ADMIN),
                "GET /v1/events");
        put(Names.REFERRAL, SEES_REFERRAL, "GET /v1/referrals/{id}", "GET /v1/referrals/{id}/events");
        // called on a closed referral, so there is a message back to read
        put(
                Names.MESSAGE_BACK,
                SEES_MESSAGE_BACK,
                "GET /v1/referrals/{id}/message-back",
                "GET /fhir/R4/Composition/{id}",
                "GET /fhir/R4/Bundle/{id}");
        // every referrer-role organisation and link worker service lists its own (none for another organisation)
        put(Names.NOTHING, READERS, "GET /v1/message-backs");
        // a provider lists its inbox, a link worker service its onward referrals (none for another organisation)
        put(
                Names.NOTHING,
                EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER, Who.PROVIDER_OWN, Who.PROVIDER_OTHER, Who.ADMIN),
                "GET /v1/onward-referrals");
        // the body asks to accept the referral: the link worker's move, not the referrer's
        put(Names.REFERRAL, LINK_WORKER, "POST /v1/referrals/{id}/transitions");
        for (String kind : List.of("contacts", "consents", "assessments", "signposts")) {
            put(
                    Names.REFERRAL,
                    LINK_WORKER,
                    "POST /v1/referrals/{id}/" + kind,
                    "GET /v1/referrals/{id}/" + kind,
                    "GET /v1/referrals/{id}/" + kind + "/{recordId}");
        }
        put(
                Names.REFERRAL,
                LINK_WORKER,
                "PUT /v1/referrals/{id}/care-plan",
                "GET /v1/referrals/{id}/care-plan",
                "GET /v1/referrals/{id}/care-plan/versions",
                "GET /v1/referrals/{id}/care-plan/versions/{version}",
                "POST /v1/referrals/{id}/onward-referrals",
                "GET /v1/referrals/{id}/onward-referrals");
        put(
                Names.ONWARD,
                SEES_ONWARD,
                "GET /v1/onward-referrals/{id}",
                "POST /v1/onward-referrals/{id}/transitions",
                "POST /v1/onward-referrals/{id}/feedback");
        put(
                Names.NOTHING,
                EnumSet.of(Who.ADMIN),
                "POST /v1/subscriptions",
                "GET /v1/subscriptions",
                "GET /v1/subscriptions/{id}",
                "DELETE /v1/subscriptions/{id}",
                "GET /v1/audit/verify");
        put(
                Names.NOTHING,
                EnumSet.of(Who.COMMISSIONER, Who.ADMIN),
                "GET /v1/reports/minimum-dataset",
                "GET /v1/reports/process-measures",
                "GET /v1/reports/hospital-discharge");
        // a referral's hospital stay (issue 25): the hospital team that referred records it, the link worker service
        // too
        put(
                Names.REFERRAL,
                SEES_REFERRAL,
                "PUT /v1/referrals/{id}/hospital-discharge",
                "GET /v1/referrals/{id}/hospital-discharge",
                "GET /v1/referrals/{id}/hospital-discharge/versions",
                "GET /v1/referrals/{id}/hospital-discharge/versions/{version}");
        // the FHIR facade: what it serves is public; reads follow the referral's own rule
        put(Names.NOTHING, ALL, "GET /fhir/R4/metadata");
        put(Names.REFERRAL, SEES_REFERRAL, "GET /fhir/R4/ServiceRequest/{id}", "GET /fhir/R4/Task/{id}");
        // a FHIR referral Bundle is checked as the JSON referral is, once converted: the sender's own organisation
        put(Names.NOTHING, EnumSet.of(Who.REFERRER_OWN, Who.LINK_WORKER_OWN, Who.ADMIN), "POST /fhir/R4/Bundle");
        // a BaRS message: sent by a referring system only, as its own organisation (the sender named in it)
        put(Names.NOTHING, EnumSet.of(Who.REFERRER_OWN, Who.ADMIN), "POST /fhir/R4/$process-message");
        // every reader may search; what it finds is filtered (aTaskSearchFindsOnlyTheCallersReferrals)
        put(Names.NOTHING, READERS, "GET /fhir/R4/Task");
        // the service directory holds no personal data: every role reads it; admins and link worker services curate
        put(
                Names.NOTHING,
                ALL,
                "GET /v1/directory/services",
                "GET /v1/directory/services/{id}",
                "GET /v1/directory/services/{id}/history");
        put(
                Names.NOTHING,
                EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER, Who.ADMIN),
                "POST /v1/directory/imports",
                "POST /v1/directory/services/{id}/retire");
        // caseload (#19): who holds a referral and the person's episodes are the link worker service's; each link
        // worker lists its own caseload (none for another service); the summary is for a lead's token (lead: true,
        // see CaseloadTest) or an admin, so these link worker tokens, without the claim, are refused
        put(
                Names.REFERRAL,
                LINK_WORKER,
                "PUT /v1/referrals/{id}/assignment",
                "GET /v1/referrals/{id}/assignment",
                "GET /v1/referrals/{id}/episodes");
        put(Names.NOTHING, EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER, Who.ADMIN), "GET /v1/caseload");
        put(Names.NOTHING, EnumSet.of(Who.ADMIN), "GET /v1/caseload/summary");
        // time rules: a link worker service's own (the route keeps it to the caller's organisation); an admin names one
        put(
                Names.NOTHING,
                EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER, Who.ADMIN),
                "GET /v1/time-rules",
                "PUT /v1/time-rules");
        // appointments (issue 19): the referral's own rule; calendar feeds are each link worker's own
        put(
                Names.REFERRAL,
                LINK_WORKER,
                "POST /v1/referrals/{id}/appointments",
                "GET /v1/referrals/{id}/appointments",
                "GET /v1/referrals/{id}/appointments/{appointmentId}",
                "PATCH /v1/referrals/{id}/appointments/{appointmentId}",
                "POST /v1/referrals/{id}/appointments/{appointmentId}/transitions");
        put(
                Names.NOTHING,
                EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER, Who.ADMIN),
                "POST /v1/calendar-feeds",
                "GET /v1/calendar-feeds",
                "DELETE /v1/calendar-feeds/{feedId}");
        // read by a calendar program with the feed's secret in the URL, whatever bearer token comes with it (none)
        put(Names.NOTHING, ALL, "GET /v1/appointments.ics");
        // a scheme's spreadsheet (issue 25): a link worker service imports its own history, every referral addressed to
        // itself; an admin has no service to import for (called as a dry run: the rows would be 8EC41's or 9ZZ99's)
        put(Names.NOTHING, EnumSet.of(Who.LINK_WORKER_OWN, Who.LINK_WORKER_OTHER), "POST /v1/imports");
    }

    private static final String FEED = "GET /v1/appointments.ics";
    private static final Set<String> WEB = Set.of(
            "GET /",
            "GET /inspector",
            "POST /inspector",
            "POST /v1/$validate",
            "GET /assets/{file}",
            "GET /assets/images/{file}");

    private static void put(Names names, Set<Who> allowed, String... routes) {
        for (String r : routes) {
            MATRIX.put(r, new Expectation(names, allowed));
        }
    }

    @TempDir
    static Path data;

    LinkwayServer server;
    ApiClient admin;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        server = LinkwayServer.start(ServerConfig.forTests(data));
        admin = new ApiClient(server.port());
        String referral = admin.postJson(
                        "/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                .json()
                .path("id")
                .asString();
        ids.put("id", referral);
        ids.put(
                "consents",
                admin.postJson(
                                "/v1/referrals/" + referral + "/consents",
                                ReferralApiContract.example("valid/consent--given-gp-and-provider.json"))
                        .json()
                        .path("id")
                        .asString());
        ids.put(
                "contacts",
                admin.postJson(
                                "/v1/referrals/" + referral + "/contacts",
                                ReferralApiContract.example("valid/contact-record--first-call.json"))
                        .json()
                        .path("id")
                        .asString());
        ids.put(
                "assessments",
                admin.postJson(
                                "/v1/referrals/" + referral + "/assessments",
                                ReferralApiContract.example("valid/assessment--ons4-baseline.json"))
                        .json()
                        .path("id")
                        .asString());
        ids.put(
                "signposts",
                admin.postJson(
                                "/v1/referrals/" + referral + "/signposts",
                                ReferralApiContract.example("valid/signpost--debt-advice.json"))
                        .json()
                        .path("id")
                        .asString());
        ids.put(
                "onward",
                admin.postJson(
                                "/v1/referrals/" + referral + "/onward-referrals",
                                ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"))
                        .json()
                        .path("id")
                        .asString());
        assertThat(admin.put(
                                "/v1/referrals/" + referral + "/care-plan",
                                ReferralApiContract.example("valid/care-plan--goals-and-actions.json"),
                                "If-None-Match",
                                "*")
                        .status())
                .isEqualTo(201);
        assertThat(admin.put(
                                "/v1/referrals/" + referral + "/hospital-discharge",
                                ReferralApiContract.example("valid/hospital-discharge--expedited-with-budget.json"),
                                "If-None-Match",
                                "*")
                        .status())
                .isEqualTo(201);
        assertThat(admin.put(
                                "/v1/referrals/" + referral + "/assignment",
                                "{\"linkWorker\":\"matrix-worker\"}",
                                "If-None-Match",
                                "*")
                        .status())
                .isEqualTo(201);
        // a second referral, closed, whose message back the message back rows read
        String closed = admin.postJson(
                        "/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                .json()
                .path("id")
                .asString();
        assertThat(admin.postJson(
                                "/v1/referrals/" + closed + "/transitions",
                                "{\"to\":\"rejected\",\"reason\":\"Outside the area\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        ids.put("closed", closed);
        ids.put(
                "subscription",
                admin.postJson("/v1/subscriptions", "{\"url\":\"http://127.0.0.1:9/hook\"}")
                        .json()
                        .path("id")
                        .asString());
        assertThat(admin.postJson(
                                "/v1/directory/imports",
                                "[{\"id\":\"matrix-svc\",\"name\":\"Matrix Walk\",\"status\":\"active\"}]")
                        .json()
                        .path("created")
                        .asInt())
                .isEqualTo(1);
        ids.put(
                "appointment",
                admin.postJson(
                                "/v1/referrals/" + referral + "/appointments",
                                "{\"start\":\"2030-01-07T10:00:00Z\",\"durationMinutes\":30,\"method\":\"video\"}")
                        .json()
                        .path("id")
                        .asString());
        String feedUrl = admin.as(DevTokens.forPort(server.port()).orElseThrow().mint(Role.LINK_WORKER, "8EC41"))
                .post("/v1/calendar-feeds", null)
                .json()
                .path("path")
                .asString();
        ids.put("feedToken", feedUrl.substring(feedUrl.indexOf("token=") + "token=".length()));
        assertThat(ids.values())
                .doesNotContainNull()
                .allSatisfy(v -> assertThat(v).isNotEmpty());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    ApiClient as(Who who) {
        return admin.as(DevTokens.forPort(server.port()).orElseThrow().mint(who.role, who.org));
    }

    @Test
    void everyRouteForEveryCaller() {
        List<String> routes = new ArrayList<>(server.routes());
        assertThat(routes)
                .as("routes the matrix has no row for: add them with who may use them")
                .allSatisfy(r -> assertThat(MATRIX).containsKey(r));
        // deletes last, so nothing a later row needs is gone
        routes.sort(Comparator.comparing((String r) -> r.startsWith("DELETE")).thenComparing(r -> r));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String route : routes) {
            Expectation e = MATRIX.get(route);
            for (Who who : EnumSet.allOf(Who.class)) {
                if (route.startsWith("DELETE") && who == Who.ADMIN) {
                    continue; // below, once everyone else was refused
                }
                Expect expected = expected(e, who);
                int status = call(as(who), route).status();
                checked++;
                if (!matches(expected, status)) {
                    failures.add(who + " " + route + ": expected " + expected + ", got " + status);
                }
            }
            if (!route.startsWith("GET /health")
                    && !route.startsWith("GET /openapi")
                    && !route.startsWith("GET /json")
                    && !route.startsWith("GET /fhir/R4/metadata")
                    && !route.startsWith("GET /.well-known/")
                    && !WEB.contains(route)
                    && !route.equals(FEED)) {
                // a POST is refused before its body is read; sent whole, a large body can still be on its way when
                // the answer comes, and Java's HttpClient then reports no answer at all, so send a small one
                int status = route.startsWith("POST ")
                        ? Integer.parseInt(admin.as(null).postOversized(noTokenPath(route), 10)[0])
                        : call(admin.as(null), route).status();
                if (status != 401) {
                    failures.add("no token " + route + ": expected 401, got " + status);
                }
            }
        }
        assertThat(call(admin, "DELETE /v1/subscriptions/{id}").status()).isEqualTo(204);
        // the calendar feed: its secret is the credential, a bearer token neither needed nor enough
        assertThat(admin.as(null)
                        .get("/v1/appointments.ics?token=" + ids.get("feedToken"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/v1/appointments.ics?token=wrong").status()).isEqualTo(404);
        assertThat(admin.get("/v1/appointments.ics").status()).isEqualTo(404);
        assertThat(failures).as("of %d calls", checked).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(MATRIX.size() * (Who.values().length - 1));
    }

    private static Expect expected(Expectation e, Who who) {
        if (e.allowed().contains(who)) {
            return Expect.ALLOW;
        }
        boolean sees = switch (e.names()) {
            case NOTHING -> true;
            case REFERRAL -> SEES_REFERRAL.contains(who);
            case ONWARD -> SEES_ONWARD.contains(who);
            case MESSAGE_BACK -> SEES_MESSAGE_BACK.contains(who);
        };
        return sees ? Expect.FORBID_403 : Expect.HIDE_404;
    }

    private static boolean matches(Expect expected, int status) {
        return switch (expected) {
            case ALLOW -> status != 401 && status != 403 && status != 404 && status < 500;
            case FORBID_403 -> status == 403;
            case HIDE_404 -> status == 404;
        };
    }

    /** A path for the route good enough to be refused for want of a token (which is checked before anything else). */
    private String noTokenPath(String route) {
        return route.substring(route.indexOf(' ') + 1)
                .replace("{id}", ids.get("id"))
                .replace("{feedId}", "none")
                .replace("{appointmentId}", ids.get("appointment"))
                .replace("{version}", "1")
                .replace("{recordId}", "none");
    }

    private ApiClient.Answer call(ApiClient client, String route) {
        String method = route.substring(0, route.indexOf(' '));
        String pattern = route.substring(route.indexOf(' ') + 1);
        String path = pattern.startsWith("/assets/images/")
                ? pattern.replace("{file}", "nhsuk-icon-search.svg")
                : pattern.startsWith("/assets/")
                        ? pattern.replace("{file}", "linkway.css")
                        : pattern.replace("{file}", "referral.schema.json");
        if (path.startsWith("/v1/onward-referrals/")) {
            path = path.replace("{id}", ids.get("onward"));
        } else if (MATRIX.get(route).names() == Names.MESSAGE_BACK) {
            path = path.replace("{id}", ids.get("closed"));
        } else if (path.startsWith("/v1/directory/services/")) {
            path = path.replace("{id}", "matrix-svc");
        } else if (path.startsWith("/v1/subscriptions/")) {
            path = path.replace("{id}", ids.get("subscription"));
        } else {
            path = path.replace("{id}", ids.get("id"));
        }
        path = path.replace("{version}", "1");
        path = path.replace("{appointmentId}", ids.get("appointment"));
        if (route.equals(FEED)) {
            path += "?token=" + ids.get("feedToken");
        }
        if (route.equals("DELETE /v1/calendar-feeds/{feedId}")) {
            // each caller revokes a feed of its own (someone else's is not found), so make one first
            ApiClient.Answer own = client.post("/v1/calendar-feeds", null);
            path = path.replace(
                    "{feedId}", own.status() == 201 ? own.json().path("id").asString() : "none");
        }
        if (route.equals("GET /fhir/R4/Task")) {
            path += "?focus=ServiceRequest/" + ids.get("id");
        }
        if (route.equals("POST /fhir/R4/$process-message")) {
            return client.post(
                    path,
                    BarsMessagingTest.barsMessage(fhirBundle("valid/referral--hospital-discharge-carer.json"), "RX9E2"),
                    "Content-Type",
                    "application/fhir+json");
        }
        if (route.equals("POST /v1/imports")) {
            return client.post(
                    path + "?dryRun=true", "Referral ID,First Name\r\nMATRIX-1,Ada\r\n", "Content-Type", "text/csv");
        }
        if (route.equals("POST /fhir/R4/Bundle")) {
            return client.post(
                    path,
                    fhirBundle("valid/referral--hospital-discharge-carer.json"),
                    "Content-Type",
                    "application/fhir+json");
        }
        if (path.contains("{recordId}")) {
            String kind = pattern.split("/")[4];
            path = path.replace("{recordId}", ids.get(kind));
        }
        String body = switch (route) {
            case "POST /v1/referrals" -> ReferralApiContract.example("valid/referral--hospital-discharge-carer.json");
            case "POST /v1/referrals/{id}/transitions" -> "{\"to\":\"accepted\"}";
            case "POST /v1/subscriptions" -> "{\"url\":\"http://127.0.0.1:9/other\"}";
            default -> "{}";
        };
        return switch (method) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            case "PUT" -> client.put(path, body);
            case "PATCH" -> client.send("PATCH", path, body, "Content-Type", "application/json");
            default -> client.postJson(path, body);
        };
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySee() {
        String mine = ids.get("id");
        assertThat(itemIds(as(Who.REFERRER_OWN).get("/v1/referrals?limit=500")))
                .contains(mine)
                .allSatisfy(id -> assertThat(admin.get("/v1/referrals/" + id)
                                .json()
                                .at("/referralDetails/entries/0/referrerDetails/organisation/code")
                                .asString())
                        .isEqualTo("RX9E2"));
        assertThat(itemIds(as(Who.REFERRER_OTHER).get("/v1/referrals?limit=500")))
                .doesNotContain(mine);
        assertThat(itemIds(as(Who.LINK_WORKER_OWN).get("/v1/referrals?limit=500")))
                .contains(mine);
        assertThat(itemIds(as(Who.LINK_WORKER_OTHER).get("/v1/referrals?limit=500")))
                .isEmpty();
        assertThat(as(Who.LINK_WORKER_OTHER).get("/v1/events?limit=1000").json().path("items"))
                .isEmpty();
        assertThat(as(Who.LINK_WORKER_OWN).get("/v1/events?limit=1000").json().path("items"))
                .isNotEmpty();
        assertThat(as(Who.PROVIDER_OTHER).get("/v1/events?limit=1000").json().path("items"))
                .isEmpty();
        assertThat(as(Who.PROVIDER_OWN).get("/v1/events?limit=1000").json().path("items"))
                .allSatisfy(e -> assertThat(e.path("resourceType").asString()).isEqualTo("OnwardReferral"));
        assertThat(itemIds(admin.get("/v1/referrals?limit=500"))).contains(mine);
        // the registered GP practice: the message back about its patient, nothing else of the referral
        String closed = ids.get("closed");
        assertThat(itemIds(as(Who.GP_PRACTICE).get("/v1/referrals?limit=500"))).doesNotContain(mine, closed);
        assertThat(itemIds(as(Who.GP_PRACTICE).get("/v1/message-backs?limit=500")))
                .containsExactly(closed);
        assertThat(itemIds(as(Who.REFERRER_OWN).get("/v1/message-backs?limit=500")))
                .contains(closed);
        assertThat(itemIds(as(Who.LINK_WORKER_OWN).get("/v1/message-backs?limit=500")))
                .contains(closed);
        assertThat(itemIds(as(Who.REFERRER_OTHER).get("/v1/message-backs?limit=500")))
                .isEmpty();
        assertThat(itemIds(as(Who.LINK_WORKER_OTHER).get("/v1/message-backs?limit=500")))
                .isEmpty();
        assertThat(as(Who.GP_PRACTICE).get("/v1/events?limit=1000").json().path("items"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("resourceType").asString()).isEqualTo("MessageBack"));
        assertThat(as(Who.REFERRER_OTHER).get("/v1/events?limit=1000").json().path("items"))
                .isEmpty();
    }

    @Test
    void aProviderSeesOnlyWhatAnOnwardReferralCarries() {
        JsonNode seen = as(Who.PROVIDER_OWN)
                .get("/v1/onward-referrals/" + ids.get("onward"))
                .json();
        assertThat(seen.path("resourceType").asString()).isEqualTo("OnwardReferral");
        List<String> fields = new ArrayList<>(seen.propertyNames());
        assertThat(fields)
                .isSubsetOf(
                        "resourceType",
                        "schemaVersion",
                        "prsbVersion",
                        "id",
                        "referralId",
                        "status",
                        "provider",
                        "consentId",
                        "referral",
                        "safeguarding",
                        "feedback");
        assertThat(seen.toString())
                .doesNotContain("clinicalSummary")
                .doesNotContain("problemList")
                .doesNotContain("nhsNumber");
    }

    @Test
    void aFlaggedSafeguardingConcernTravelsToTheProvider() {
        ObjectNode referral = (ObjectNode) LinkwayJson.mapper()
                .readTree(ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"));
        ObjectNode concern = (ObjectNode) referral.at("/safeguarding/safeguardingConcerns/0");
        concern.put("safeguardingIndicator", true);
        concern.put("comment", "Invented test concern: financial abuse suspected; visit in pairs.");
        String id = admin.postJson("/v1/referrals", referral.toString())
                .json()
                .path("id")
                .asString();
        admin.postJson(
                "/v1/referrals/" + id + "/consents",
                ReferralApiContract.example("valid/consent--given-gp-and-provider.json"));
        String onward = admin.postJson(
                        "/v1/referrals/" + id + "/onward-referrals",
                        ReferralApiContract.example("valid/onward-referral--walking-group-with-feedback.json"))
                .json()
                .path("id")
                .asString();
        JsonNode seen =
                as(Who.PROVIDER_OWN).get("/v1/onward-referrals/" + onward).json();
        assertThat(seen.at("/safeguarding/safeguardingConcerns/0/safeguardingIndicator")
                        .asBoolean())
                .isTrue();
        assertThat(seen.at("/safeguarding/safeguardingConcerns/0/comment").asString())
                .contains("visit in pairs");
        // without a flagged concern nothing is added
        JsonNode plain = as(Who.PROVIDER_OWN)
                .get("/v1/onward-referrals/" + ids.get("onward"))
                .json();
        assertThat(plain.has("safeguarding")).isFalse();
    }

    @Test
    void aReferrerMayCancelItsOwnReferralButNotMoveItOn() {
        String id = as(Who.REFERRER_OWN)
                .postJson("/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                .json()
                .path("id")
                .asString();
        assertThat(as(Who.REFERRER_OWN)
                        .postJson("/v1/referrals/" + id + "/transitions", "{\"to\":\"accepted\"}", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(403);
        assertThat(as(Who.REFERRER_OWN)
                        .postJson(
                                "/v1/referrals/" + id + "/transitions",
                                "{\"to\":\"cancelled\",\"reason\":\"sent in error\"}",
                                "If-Match",
                                "\"1\"")
                        .status())
                .isEqualTo(200);
        assertThat(as(Who.REFERRER_OTHER)
                        .postJson(
                                "/v1/referrals",
                                ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"))
                        .status())
                .as("a referrer cannot send as another organisation")
                .isEqualTo(403);
    }

    static String fhirBundle(String example) {
        return FhirBinding.create()
                .linkwayJsonToFhir(
                        ReferralApiContract.example(example)
                                .replaceFirst("\\{", "{\"id\":\"sender-own\",\"status\":\"received\","),
                        BundleForm.MESSAGE)
                .output()
                .orElseThrow();
    }

    @Test
    void aFhirReferralBundleIsTheSendersOwnLikeAJsonReferral() {
        String bundle = fhirBundle("valid/referral--hospital-discharge-carer.json");
        ApiClient.Answer own =
                as(Who.REFERRER_OWN).post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String id = own.header("Location").substring("/fhir/R4/ServiceRequest/".length());
        assertThat(as(Who.REFERRER_OWN)
                        .get("/v1/referrals/" + id)
                        .json()
                        .at("/referralDetails/entries/0/referrerDetails/organisation/code")
                        .asString())
                .isEqualTo("RX9E2");
        ApiClient.Answer other =
                as(Who.REFERRER_OTHER).post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        ApiClient.Answer json = as(Who.REFERRER_OTHER)
                .postJson(
                        "/v1/referrals", ReferralApiContract.example("valid/referral--hospital-discharge-carer.json"));
        assertThat(other.body())
                .as("the same refusal as the JSON route")
                .contains(json.json().path("detail").asString());
        assertThat(as(Who.LINK_WORKER_OTHER)
                        .post("/fhir/R4/Bundle", bundle, "Content-Type", "application/fhir+json")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTaskSearchFindsOnlyTheCallersReferrals() {
        String focus = "/fhir/R4/Task?focus=ServiceRequest/" + ids.get("id");
        for (Who who : List.of(Who.REFERRER_OWN, Who.LINK_WORKER_OWN, Who.ADMIN)) {
            JsonNode found = as(who).get(focus).json();
            assertThat(found.path("entry")).as(who.name()).hasSize(1);
            assertThat(found.at("/entry/0/resource/resourceType").asString()).isEqualTo("Task");
        }
        for (Who who : List.of(Who.REFERRER_OTHER, Who.LINK_WORKER_OTHER)) {
            ApiClient.Answer none = as(who).get(focus);
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.json().path("total").asInt()).as(who.name()).isZero();
            assertThat(none.json().path("entry").isMissingNode()
                            || none.json().path("entry").isEmpty())
                    .isTrue();
            assertThat(none.body()).doesNotContain(ids.get("id"));
        }
    }

    private static List<String> itemIds(ApiClient.Answer a) {
        assertThat(a.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        a.json().path("items").forEach(i -> out.add(i.path("id").asString()));
        return out;
    }
}
