package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkway.model.Assessment;
import org.linkway.model.json.LinkwayJson;
import org.linkway.outcomes.Direction;
import org.linkway.outcomes.OutcomeScorer;
import org.linkway.outcomes.ScoreResult;
import org.linkway.outcomes.Trend;
import org.linkway.server.LinkwayServer;
import org.linkway.server.SecurityTestTokens;
import org.linkway.server.ServerConfig;
import org.linkway.server.security.SecuritySettings;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Tx;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reports over real HTTP against a generated population whose true counts the test keeps
 * itself: every number a report shows must be the true count, every true count from 1 to 4
 * must be hidden, and the SNOMED CT counts must be what the event feed says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {

    private static final String[] ORGS = {"8EC41", "RYJ"};
    private static final String ONWARD_SYSTEM = OnwardReferralCategory.SYSTEM;

    /** The token issuer this suite's server trusts. */
    private static final ECKey ISSUER = newIssuer();

    LinkwayTestServer running;
    Path data;
    LinkwayServer server;
    String adminToken;
    String commissionerToken;
    HttpClient http = HttpClient.newHttpClient();
    String base;
    int startYear;

    /** section -> "org|rowKey" -> category -> true count */
    final Map<String, Map<String, Map<String, Long>>> truth = new HashMap<>();

    final Map<String, String> orgOfReferral = new HashMap<>();
    final List<String> nhsNumbers = new ArrayList<>();
    /** "referralId|instrument/score" -> the SDK scorer's score of the earliest and of the latest administration posted */
    final Map<String, double[]> scorersOutcomes = new HashMap<>();

    private static final OutcomeScorer SCORER = OutcomeScorer.standard();

    /** The JDBC URL the suite runs against, or null for the default SQLite file in the data directory. */
    String databaseUrl() {
        return running.database() == TestDatabase.SQLITE ? null : running.databaseUrl();
    }

    /**
     * What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);}.
     * Outside development mode (no demo data in the counts), so the test is its own token issuer.
     */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database)
                .configure(
                        c -> new ServerConfig(c.host(), c.port(), c.dataDir(), c.databaseUrl(), c.maxBodyBytes(), false)
                                .withSecurity(new SecuritySettings(
                                        trustedKeys(c.dataDir()), "reports-test", "linkway-reports-test")));
    }

    private static ECKey newIssuer() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("reports-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path trustedKeys(Path dir) {
        Path keys = dir.resolve("keys-" + System.nanoTime() + ".jwks");
        try {
            Files.writeString(keys, new JWKSet(ISSUER.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    @BeforeAll
    void startAndPopulate(LinkwayTestServer running) {
        this.running = running;
        data = running.dataDir();
        server = running.server();
        ECKey issuer = ISSUER;
        adminToken = SecurityTestTokens.sign(
                issuer, "admin", "LINKWAY", "reports-test", "linkway-reports-test", Duration.ofHours(6));
        commissionerToken = SecurityTestTokens.sign(
                issuer, "commissioner", "QEM", "reports-test", "linkway-reports-test", Duration.ofHours(6));
        base = "http://127.0.0.1:" + server.port();
        startYear = LocalDate.now(ZoneOffset.UTC).getYear();
        populate(new Random(20261127L), 90);
    }

    // --- the population --------------------------------------------------------------------

    private void count(String section, String org, String rowKey, String category) {
        truth.computeIfAbsent(section, k -> new HashMap<>())
                .computeIfAbsent(org + "|" + rowKey, k -> new HashMap<>())
                .merge(category, 1L, Long::sum);
    }

    /** Removes every member (but the date of birth) holding a day before {@code born}. */
    private static void dropDatesBefore(JsonNode node, LocalDate born) {
        if (node instanceof ObjectNode o) {
            List<String> old = new ArrayList<>();
            o.properties().forEach(e -> {
                String v = e.getValue().asString("");
                if (!e.getKey().equals("dateOfBirth")
                        && v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}.*")
                        && v.substring(0, 10).compareTo(born.toString()) < 0) {
                    old.add(e.getKey());
                }
            });
            o.remove(old);
        }
        node.forEach(child -> dropDatesBefore(child, born));
    }

    private void populate(Random rnd, int n) {
        ObjectNode template =
                (ObjectNode) read("/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json");
        template.remove(List.of("id", "status", "referrerReferralId"));
        int[] ages = {16, 22, 30, 41, 52, 60, 70, 80, 90};
        String[] bands = {"0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"};
        String[][] genders = {{"1", "male"}, {"2", "female"}, {"9", "indeterminate"}, {null, "not-recorded"}};
        String[][] ethnic = {
            {"A", "white"},
            {"H", "asian"},
            {"M", "black"},
            {"D", "mixed"},
            {"R", "other"},
            {"Z", "not-stated"},
            {null, "not-recorded"}
        };
        String[] sources = {"general-practice", "general-practice", "general-practice", "hospital", "vcse", "self"};
        String[] routes = {"secure-email", "nhs-e-referral-service", "phone", "letter"};
        String[][] needSets = {{"422650009"}, {"422650009", "35489007"}, {"35489007"}, {}};
        String[] paths = {
            "received",
            "accepted",
            "in-progress",
            "completed",
            "completed",
            "declined",
            "declined",
            "unable-to-contact",
            "rejected",
            "cancelled"
        };
        for (int i = 0; i < n; i++) {
            String org = rnd.nextInt(5) < 3 ? ORGS[0] : ORGS[1];
            ObjectNode r = template.deepCopy();
            ObjectNode person = (ObjectNode) r.get("personDemographics");
            int a = rnd.nextInt(ages.length);
            LocalDate born = LocalDate.now(ZoneOffset.UTC).minusYears(ages[a]).minusDays(40);
            person.put("dateOfBirth", born.toString());
            // a younger person than the example's cannot have its old history (LW-DATE-BEFORE-BIRTH)
            dropDatesBefore(r, born);
            String[] g = genders[rnd.nextInt(genders.length)];
            setOrRemove(person, "gender", g[0]);
            String[] e = ethnic[rnd.nextInt(ethnic.length)];
            setOrRemove(person, "ethnicity", e[0]);
            boolean again = !nhsNumbers.isEmpty() && rnd.nextInt(8) == 0;
            String nhs = again ? nhsNumbers.get(rnd.nextInt(nhsNumbers.size())) : nhsNumber(rnd);
            if (!again) {
                nhsNumbers.add(nhs);
            }
            person.put("nhsNumber", nhs);
            ObjectNode entry = (ObjectNode) r.at("/referralDetails/entries/0");
            ObjectNode referrer = (ObjectNode) entry.get("referrerDetails");
            referrer.remove(List.of("team", "role"));
            referrer.putObject("organisation").put("code", org).put("text", "Org " + org);
            String kind = sources[rnd.nextInt(sources.length)];
            // the source follows the codes only: a GP's coded role, else the kind of organisation its ODS code names
            // (8EC41 a charity's, so "other"; RYJ an NHS trust's), whatever the free text says
            String source = switch (kind) {
                case "self" -> "self";
                case "general-practice" -> "general-practice";
                default -> org.equals("RYJ") ? "nhs-trust" : "other";
            };
            if (kind.equals("general-practice")) {
                referrer.putObject("role")
                        .put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName")
                        .put("code", "R0260");
            }
            // the referral's own date (PRSB), twenty days before it is sent: waits are measured from it
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate referred = today.minusDays(20).getYear() == today.getYear()
                    ? today.minusDays(20)
                    : LocalDate.of(today.getYear(), 1, 1);
            entry.put("date", referred + "T09:00:00Z");
            String practice = rnd.nextBoolean() ? "Y03146" : "M91528";
            ((ObjectNode) r.at("/gpPractice/entries/0")).put("gpPracticeIdentifier", practice);
            String route;
            switch (kind) {
                case "general-practice" -> referrer.putObject("service").put("text", "General practice");
                case "hospital" -> referrer.putObject("service").put("text", "Hospital discharge team");
                case "vcse" -> referrer.putObject("service").put("text", "Wellbeing charity");
                default -> referrer.putObject("service").put("text", "Self-referral");
            }
            if (kind.equals("self")) {
                route = "self-referral";
            } else {
                route = rnd.nextInt(6) == 0 ? null : routes[rnd.nextInt(routes.length)];
            }
            setOrRemove(entry, "referralMethod", route);
            String[] needs = needSets[rnd.nextInt(needSets.length)];
            ArrayNode complaints =
                    ((ObjectNode) r.get("presentingComplaintsOrIssues")).putArray("presentingComplaints");
            for (String code : needs) {
                complaints
                        .addObject()
                        .putObject("coding")
                        .put("system", "http://snomed.info/sct")
                        .put("code", code);
            }
            if (needs.length == 0) {
                complaints.addObject().put("text", "Not coded");
            }

            JsonNode created = send("POST", "/v1/referrals", r.toString());
            String id = created.path("id").asString();
            orgOfReferral.put(id, org);
            count("demographics.age-band", org, "", bands[a]);
            count("demographics.gender", org, "", g[1]);
            count("demographics.ethnicity", org, "", e[1]);
            for (String code : needs) {
                count("needs.presenting", org, "", code);
            }
            if (needs.length == 0) {
                count("needs.presenting", org, "", "uncoded");
            }
            count("process.source", org, "", source);
            count("demographics.gp-practice", org, "", practice);
            count("process.route", org, "", route == null ? "not-recorded" : route);
            count("process.re-referral", org, "", again ? "re-referral" : "first-referral");

            String path = paths[rnd.nextInt(paths.length)];
            List<String> steps = switch (path) {
                case "received" -> List.of();
                case "accepted" -> List.of("accepted");
                case "in-progress" -> List.of("accepted", "in-progress");
                case "completed" -> List.of("accepted", "in-progress", "completed");
                case "declined" -> List.of("accepted", "declined");
                case "unable-to-contact" -> List.of("accepted", "unable-to-contact");
                case "rejected" -> List.of("rejected");
                default -> List.of("cancelled");
            };
            count("process.status", org, "", path);
            boolean closed = List.of("completed", "declined", "unable-to-contact", "rejected", "cancelled")
                    .contains(path);
            count("process.days-to-closure", org, "", closed ? "0-28" : "open");
            if (steps.contains("in-progress")) {
                count("codes.snomed", org, "", "871731000000106");
            }
            if (path.equals("declined")) {
                count("codes.snomed", org, "", "871711000000103");
            }

            // contacts: only those that reached someone count; a no-answer attempt does not
            // each contact on its own recorded date, some days after the referral's; the first made one sets the wait
            int made = rnd.nextInt(4);
            int[] daysLater = {1, 4, 10, 16};
            String[] band = {"0-2", "3-7", "8-14", "15-28"};
            if (rnd.nextBoolean()) {
                send("POST", "/v1/referrals/" + id + "/contacts", contact("no-answer", referred.plusDays(0)));
            }
            int first = Integer.MAX_VALUE;
            for (int k = 0; k < made; k++) {
                int d = rnd.nextInt(daysLater.length);
                first = Math.min(first, d);
                send(
                        "POST",
                        "/v1/referrals/" + id + "/contacts",
                        contact("made-contact", referred.plusDays(daysLater[d])));
            }
            count("process.days-to-first-contact", org, "", made == 0 ? "no-contact-yet" : band[first]);
            count("process.contacts-per-referral", org, "", made == 3 ? "3-5" : Integer.toString(made));

            int onward = rnd.nextInt(3);
            for (int k = 0; k < onward; k++) {
                onward(rnd, id, org);
            }
            if (rnd.nextInt(3) == 0) {
                int[] before = {rnd.nextInt(3) + 1, rnd.nextInt(3) + 1, rnd.nextInt(3) + 1};
                int[] after = {rnd.nextInt(3) + 1, rnd.nextInt(3) + 1, rnd.nextInt(3) + 1};
                send("POST", "/v1/referrals/" + id + "/assessments", ucla("2026-01-10", before));
                send("POST", "/v1/referrals/" + id + "/assessments", ucla("2026-04-10", after));
                int d = (after[0] + after[1] + after[2]) - (before[0] + before[1] + before[2]);
                count("outcomes.change", org, "ucla-3/total", d == 0 ? "unchanged" : d < 0 ? "improved" : "worsened");
                expectScores(id, ucla("2026-01-10", before), ucla("2026-04-10", after));
                if (rnd.nextBoolean()) {
                    swemwbsPair(rnd, id, org);
                }
            } else if (rnd.nextInt(4) == 0) {
                // a baseline alone is not a pair and counts for nothing
                send("POST", "/v1/referrals/" + id + "/assessments", ucla("2026-01-10", new int[] {2, 2, 2}));
            }
            // the journey is recorded first: a closed referral takes no more records
            int version = 1;
            for (String to : steps) {
                send(
                        "POST",
                        "/v1/referrals/" + id + "/transitions",
                        "{\"to\":\"" + to + "\",\"reason\":\"test population\"}",
                        "If-Match",
                        "\"" + version + "\"");
                version++;
            }
        }
    }

    private void onward(Random rnd, String referralId, String org) {
        ObjectNode o = (ObjectNode)
                read("/org/linkway/schemas/examples/valid/onward-referral--walking-group-with-feedback.json");
        o.remove(List.of("id", "referralId", "status", "feedback"));
        ObjectNode service = (ObjectNode) o.at("/referral/referralTo/service");
        String category;
        switch (rnd.nextInt(5)) {
            case 0 -> category = "physical-activity"; // the example's SNOMED CT code
            case 1 -> {
                service.putObject("coding").put("system", ONWARD_SYSTEM).put("code", "debt-benefits-housing");
                category = "debt-benefits-housing";
            }
            case 2 -> {
                service.putObject("coding").put("system", ONWARD_SYSTEM).put("code", "arts-culture");
                category = "arts-culture";
            }
            case 3 -> {
                service.putObject("coding").put("system", ONWARD_SYSTEM).put("code", "peer-support");
                category = "peer-support";
            }
            default -> {
                service.remove("coding");
                category = "uncategorised";
            }
        }
        String id = send("POST", "/v1/referrals/" + referralId + "/onward-referrals", o.toString())
                .path("id")
                .asString();
        String[][] paths = {
            {},
            {"accepted"},
            {"declined"},
            {"accepted", "attended"},
            {"accepted", "did-not-attend"},
            {"accepted", "attended", "completed"}
        };
        String[] steps = paths[rnd.nextInt(paths.length)];
        int version = 1;
        for (String to : steps) {
            send(
                    "POST",
                    "/v1/onward-referrals/" + id + "/transitions",
                    "{\"to\":\"" + to + "\",\"reason\":\"test population\"}",
                    "If-Match",
                    "\"" + version + "\"");
            version++;
        }
        count("support.onward-referrals", org, category, steps.length == 0 ? "sent" : steps[steps.length - 1]);
    }

    private static String contact(String attempt, LocalDate on) {
        ObjectNode c = (ObjectNode) read("/org/linkway/schemas/examples/valid/contact-record--first-call.json");
        c.remove(List.of("id", "referralId"));
        c.put("attempt", attempt);
        ((ObjectNode) c.get("contact")).put("dateAndTimeOfContact", on + "T10:05:00Z");
        return c.toString();
    }

    /**
     * A SWEMWBS baseline and review, the review stating its raw total (rightly); and a review stating
     * a wrong total, which is refused and must leave no trace in the report. The truth counted is
     * the SDK scorer's, for the raw and the metric score.
     */
    private void swemwbsPair(Random rnd, String id, String org) {
        int[] before = new int[7];
        int[] after = new int[7];
        for (int i = 0; i < 7; i++) {
            before[i] = rnd.nextInt(5) + 1;
            after[i] = rnd.nextInt(5) + 1;
        }
        int afterTotal = IntStream.of(after).sum();
        String first = swemwbs("2026-01-12", before, null);
        String second = swemwbs("2026-04-12", after, afterTotal);
        send("POST", "/v1/referrals/" + id + "/assessments", first);
        // a later administration with a total the answers do not give: refused, so the report never sees it
        HttpResponse<String> wrong =
                raw("POST", "/v1/referrals/" + id + "/assessments", swemwbs("2026-05-12", after, afterTotal + 3));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(wrong.body()).contains("LW-OUTCOME-TOTAL-MISMATCH");
        send("POST", "/v1/referrals/" + id + "/assessments", second);
        for (String score : List.of("raw-total", "metric-total")) {
            double a =
                    SCORER.score(assessment(first)).score(score).orElseThrow().value();
            double b =
                    SCORER.score(assessment(second)).score(score).orElseThrow().value();
            Trend t = Trend.of(a, b, Direction.HIGHER);
            count("outcomes.change", org, "swemwbs/" + score, t.name().toLowerCase(Locale.ROOT));
        }
        expectScores(id, first, second);
    }

    /** What the report's facts must hold for this pair: exactly the SDK scorer's scores, never a figure a sender stated. */
    private void expectScores(String referralId, String first, String last) {
        ScoreResult a = SCORER.score(assessment(first));
        ScoreResult b = SCORER.score(assessment(last));
        assertThat(a.isValid() && b.isValid()).isTrue();
        a.scores()
                .forEach((score, s) -> scorersOutcomes.put(
                        referralId + "|" + a.instrumentId().orElseThrow() + "/" + score,
                        new double[] {s.value(), b.score(score).orElseThrow().value()}));
    }

    private static Assessment assessment(String json) {
        return LinkwayJson.mapper().readValue(json, Assessment.class);
    }

    private static String swemwbs(String at, int[] answers, Integer statedTotal) {
        String[] items = {
            "optimistic-about-future",
            "feeling-useful",
            "feeling-relaxed",
            "dealing-with-problems-well",
            "thinking-clearly",
            "feeling-close-to-others",
            "able-to-make-up-own-mind"
        };
        StringBuilder responses = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            responses
                    .append(i == 0 ? "" : ",")
                    .append("{\"item\":\"")
                    .append(items[i])
                    .append("\",\"value\":")
                    .append(answers[i])
                    .append('}');
        }
        return "{\"resourceType\":\"Assessment\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\",\"instrument\":\"swemwbs\","
                + "\"timepoint\":\"" + (at.startsWith("2026-01") ? "baseline" : "review") + "\",\"administeredAt\":\""
                + at + "\","
                + "\"itemResponses\":[" + responses
                + "],\"assessment\":{\"assessmentType\":\"Wellbeing outcome measure\","
                + "\"assessmentSummary\":\"Short wellbeing scale\""
                + (statedTotal == null
                        ? ""
                        : ",\"structuredAssessment\":{\"assessmentResult\":"
                                + "{\"assessmentScore\":{\"text\":\"SWEMWBS raw total\"},\"value\":" + statedTotal
                                + "}}")
                + "}}";
    }

    private static String ucla(String at, int[] answers) {
        return "{\"resourceType\":\"Assessment\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\",\"instrument\":\"ucla-3\","
                + "\"timepoint\":\"" + (at.startsWith("2026-01") ? "baseline" : "review") + "\",\"administeredAt\":\""
                + at + "\","
                + "\"itemResponses\":[{\"item\":\"lack-companionship\",\"value\":" + answers[0]
                + "},{\"item\":\"feel-left-out\",\"value\":"
                + answers[1] + "},{\"item\":\"feel-isolated\",\"value\":" + answers[2] + "}],"
                + "\"assessment\":{\"assessmentType\":\"Loneliness outcome measure\",\"assessmentSummary\":\"Three-item loneliness scale\"}}";
    }

    /** A valid-format fake NHS number in the 999 range (modulus 11 check digit). */
    private static String nhsNumber(Random rnd) {
        while (true) {
            String nine = "999" + String.format("%06d", rnd.nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private static void setOrRemove(ObjectNode n, String field, String value) {
        if (value == null) {
            n.remove(field);
        } else {
            n.put(field, value);
        }
    }

    static JsonNode read(String resource) {
        try (InputStream in = ReportsContract.class.getResourceAsStream(resource)) {
            return LinkwayJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> raw(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        // reports as a commissioner would read them; the journey that feeds them as the admin
        b.header("Authorization", "Bearer " + (path.startsWith("/v1/reports") ? commissionerToken : adminToken));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(String method, String path, String body, String... headers) {
        HttpResponse<String> r = raw(method, path, body, headers);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return LinkwayJson.mapper().readTree(r.body());
    }

    // --- the checks ---------------------------------------------------------------------------

    private String window() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        Assumptions.assumeTrue(now.getYear() == startYear, "the population was made across a new year; rerun");
        return "from=" + now.minusMonths(1) + "&to=" + now.plusMonths(1) + "&period=year";
    }

    /**
     * Checks one report against the truth under the disclosure method: 0 exact, 1 to 7 suppressed,
     * the rest rounded to 5, totals summed from what is shown, rows withheld whole; and the
     * attacker, given every table of the report, recovers no suppressed count. Answers how many
     * cells were suppressed.
     */
    private int check(JsonNode report) {
        assertThat(report.path("suppression").path("method").asString()).isEqualTo(Suppression.METHOD);
        int hiddenCells = 0;
        List<Attacker.Seen> seenTables = new ArrayList<>();
        for (JsonNode section : report.path("sections")) {
            String id = section.path("id").asString();
            Map<String, Map<String, Long>> expected = truth.getOrDefault(id, Map.of());
            Map<String, Map<String, Long>> seen = new LinkedHashMap<>();
            List<String> cols = new ArrayList<>();
            section.path("columns").forEach(c -> cols.add(c.asString()));
            List<Object[]> values = new ArrayList<>();
            List<String> populations = new ArrayList<>();
            for (JsonNode row : section.path("rows")) {
                String key = row.path("referrerOrg").asString() + "|"
                        + row.path("rowKey").asString("");
                assertThat(row.path("period").asString()).isEqualTo(Integer.toString(startYear));
                Map<String, Long> want = expected.getOrDefault(key, Map.of());
                seen.put(key, want);
                Object[] shownRow = new Object[cols.size()];
                long shownSum = 0;
                boolean withheld = row.path("total").asString("").equals(Suppression.WITHHELD);
                for (int j = 0; j < cols.size(); j++) {
                    JsonNode cell = row.path("cells").path(cols.get(j));
                    long truthValue = want.getOrDefault(cols.get(j), 0L);
                    String where = id + " " + key + " " + cols.get(j) + " = " + truthValue;
                    if (withheld) {
                        assertThat(cell.asString()).as(where).isEqualTo(Suppression.WITHHELD);
                        shownRow[j] = Suppression.WITHHELD;
                    } else if (truthValue >= 1 && truthValue <= 7) {
                        assertThat(cell.isNumber())
                                .as(where + " must be hidden")
                                .isFalse();
                        assertThat(cell.asString()).as(where).isEqualTo(Suppression.SUPPRESSED);
                        shownRow[j] = Suppression.SUPPRESSED;
                        hiddenCells++;
                    } else {
                        assertThat(cell.asLong()).as(where).isEqualTo((truthValue + 2) / 5 * 5);
                        shownRow[j] = cell.asLong();
                        shownSum += cell.asLong();
                    }
                }
                if (!withheld) {
                    assertThat(row.path("total").asLong())
                            .as(id + " " + key + " total")
                            .isEqualTo(shownSum);
                }
                values.add(shownRow);
                populations.add(
                        Section.byId(id)
                                        .map(Section.PARTITION_REFERRALS::contains)
                                        .orElse(false)
                                ? "referrals|" + key
                                : null);
            }
            assertThat(seen.keySet()).as(id + " rows").containsExactlyInAnyOrderElementsOf(expected.keySet());
            seenTables.add(new Attacker.Seen(values.toArray(new Object[0][]), populations));
        }
        // the published tables, all together, give nothing away to someone who knows the method
        assertThat(Attacker.recovered(seenTables)).as("recoverable cells").isEmpty();
        return hiddenCells;
    }

    @Test
    void the_minimum_dataset_shows_true_counts_and_hides_small_ones() {
        JsonNode report = send("GET", "/v1/reports/minimum-dataset?" + window(), null);
        assertThat(report.path("report").asString()).isEqualTo("minimum-dataset");
        assertThat(report.path("sections"))
                .extracting(s -> s.path("id").asString())
                .containsExactly(
                        "demographics.age-band",
                        "demographics.gender",
                        "demographics.ethnicity",
                        "demographics.gp-practice",
                        "needs.presenting",
                        "support.onward-referrals",
                        "outcomes.change");
        assertThat(check(report)).as("some cells are small in this population").isPositive();
    }

    @Test
    void the_process_measures_show_true_counts_and_hide_small_ones() {
        JsonNode report = send("GET", "/v1/reports/process-measures?" + window(), null);
        check(report);
    }

    @Test
    void the_snomed_counts_are_reproducible_from_the_event_feed() {
        Map<String, Map<String, Long>> fromEvents = new HashMap<>();
        Map<String, Boolean> engaged = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = send("GET", "/v1/events?after=" + after + "&limit=1000", null);
            for (JsonNode e : page.path("items")) {
                if (e.path("type").asString().equals("referral.status-changed")) {
                    String to = e.path("data").path("to").asString();
                    String referral = e.path("referralId").asString();
                    String code = to.equals("in-progress") && engaged.putIfAbsent(referral, true) == null
                            ? "871731000000106"
                            : to.equals("declined") ? "871711000000103" : null;
                    if (code != null) {
                        fromEvents
                                .computeIfAbsent(orgOfReferral.get(referral), k -> new HashMap<>())
                                .merge(code, 1L, Long::sum);
                    }
                }
            }
            if (page.path("items").isEmpty()) {
                break;
            }
            after = page.path("next").asLong();
        }
        JsonNode report = send("GET", "/v1/reports/process-measures?" + window(), null);
        JsonNode snomed = null;
        for (JsonNode s : report.path("sections")) {
            if (s.path("id").asString().equals("codes.snomed")) {
                snomed = s;
            }
        }
        assertThat(snomed).isNotNull();
        long checked = 0;
        Map<String, Long> shownSums = new HashMap<>();
        for (JsonNode row : snomed.path("rows")) {
            Map<String, Long> want =
                    fromEvents.getOrDefault(row.path("referrerOrg").asString(), Map.of());
            for (String code : List.of("871731000000106", "871711000000103")) {
                JsonNode v = row.path("cells").path(code);
                // published under the disclosure method: the event feed's count, suppressed or rounded
                Object expected = Suppression.count(want.getOrDefault(code, 0L));
                if (v.isNumber()) {
                    assertThat((Object) v.asLong()).isEqualTo(expected);
                    shownSums.merge(code, v.asLong(), Long::sum);
                    checked++;
                } else {
                    assertThat((Object) v.asString()).isEqualTo(expected);
                }
            }
        }
        for (String code : List.of("871731000000106", "871711000000103")) {
            JsonNode v = snomed.path("totals").path("cells").path(code);
            assertThat(v.asLong()).isEqualTo(shownSums.getOrDefault(code, 0L));
        }
        assertThat(checked).as("numbers shown and compared").isPositive();
        // and the same as the truth the population kept
        assertThat(fromEvents).isEqualTo(truthBySnomedOrg());
    }

    private Map<String, Map<String, Long>> truthBySnomedOrg() {
        Map<String, Map<String, Long>> out = new HashMap<>();
        truth.getOrDefault("codes.snomed", Map.of()).forEach((k, v) -> out.put(k.substring(0, k.indexOf('|')), v));
        return out;
    }

    @Test
    void the_report_tables_rebuilt_from_the_events_alone_are_the_same() throws Exception {
        send("GET", "/v1/reports/minimum-dataset?" + window(), null); // folds everything in
        ServerConfig tests = ServerConfig.forTests(data);
        String url = new ServerConfig(
                        tests.host(), tests.port(), tests.dataDir(), databaseUrl(), tests.maxBodyBytes(), false)
                .effectiveDatabaseUrl();
        try (JdbcStore second = JdbcStore.open(url)) {
            String before = second.<String>transaction(tx -> snapshot(tx));
            assertThat(before).contains("demographics.gender");
            second.transaction(tx -> {
                try (Statement st = SqlAccess.connection(tx).createStatement()) {
                    for (String table : List.of(
                            "report_count", "report_referral", "report_onward", "report_outcome", "report_cursor")) {
                        st.executeUpdate("DELETE FROM " + table);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            String emptied = second.transaction(tx -> snapshot(tx));
            assertThat(emptied).isEmpty();
            new Projection(second).catchUp();
            String rebuilt = second.transaction(tx -> snapshot(tx));
            assertThat(rebuilt).isEqualTo(before);
        }
    }

    /**
     * The values the outcome section counts from are the scores the SDK scorer gives for the
     * answers posted (UCLA-3 totals, SWEMWBS raw and metric scores), read back from the report's
     * own facts: not recomputed differently, and no stated total the server refused.
     */
    @Test
    void the_reports_outcome_values_are_the_scorers_scores() {
        send("GET", "/v1/reports/minimum-dataset?" + window(), null); // folds everything in
        assertThat(scorersOutcomes.keySet())
                .anyMatch(k -> k.endsWith("swemwbs/metric-total"))
                .anyMatch(k -> k.endsWith("ucla-3/total"));
        ServerConfig tests = ServerConfig.forTests(data);
        String url = new ServerConfig(
                        tests.host(), tests.port(), tests.dataDir(), databaseUrl(), tests.maxBodyBytes(), false)
                .effectiveDatabaseUrl();
        Map<String, double[]> inReport = new HashMap<>();
        try (JdbcStore second = JdbcStore.open(url)) {
            second.transaction(tx -> {
                try (Statement st = SqlAccess.connection(tx).createStatement();
                        ResultSet rs = st.executeQuery(
                                "SELECT referral_id, instrument, score_id, first_value, last_value FROM report_outcome "
                                        + "WHERE administrations >= 2")) {
                    while (rs.next()) {
                        inReport.put(
                                rs.getString(1) + "|" + rs.getString(2) + "/" + rs.getString(3),
                                new double[] {rs.getDouble(4), rs.getDouble(5)});
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        assertThat(inReport.keySet()).containsExactlyInAnyOrderElementsOf(scorersOutcomes.keySet());
        scorersOutcomes.forEach(
                (key, expected) -> assertThat(inReport.get(key)).as(key).containsExactly(expected));
    }

    private static String snapshot(Tx tx) {
        StringBuilder b = new StringBuilder();
        try (Statement st = SqlAccess.connection(tx).createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT section, month, referrer_org, row_key, category, n FROM report_count "
                                + "WHERE n <> 0 ORDER BY section, month, referrer_org, row_key, category")) {
            while (rs.next()) {
                b.append(rs.getString(1))
                        .append('|')
                        .append(rs.getString(2))
                        .append('|')
                        .append(rs.getString(3))
                        .append('|')
                        .append(rs.getString(4))
                        .append('|')
                        .append(rs.getString(5))
                        .append('=')
                        .append(rs.getLong(6))
                        .append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    @Test
    void csv_has_the_same_numbers_as_json() {
        String w = window();
        JsonNode json = send("GET", "/v1/reports/minimum-dataset?" + w, null);
        HttpResponse<String> csv = raw("GET", "/v1/reports/minimum-dataset?" + w, null, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,period,referrer_org,row_key,category,value");
        Map<String, String> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            values.put(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4], f[5]);
        }
        int compared = 0;
        for (JsonNode s : json.path("sections")) {
            for (JsonNode row : s.path("rows")) {
                for (var cell : row.path("cells").properties()) {
                    String key =
                            s.path("id").asString() + "|" + row.path("period").asString() + "|"
                                    + row.path("referrerOrg").asString() + "|"
                                    + row.path("rowKey").asString("") + "|" + cell.getKey();
                    assertThat(values.get(key))
                            .as(key)
                            .isEqualTo(
                                    cell.getValue().isNumber()
                                            ? Long.toString(cell.getValue().asLong())
                                            : cell.getValue().asString());
                    compared++;
                }
            }
            assertThat(values.get(s.path("id").asString() + "|all|all||total"))
                    .isEqualTo(
                            s.path("totals").path("total").isNumber()
                                    ? Long.toString(
                                            s.path("totals").path("total").asLong())
                                    : s.path("totals").path("total").asString());
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void no_report_carries_person_level_data() {
        String w = window();
        for (String report : List.of("minimum-dataset", "process-measures")) {
            String json = raw("GET", "/v1/reports/" + report + "?" + w, null).body();
            String csv = raw("GET", "/v1/reports/" + report + "?" + w, null, "Accept", "text/csv")
                    .body();
            for (String body : List.of(json, csv)) {
                assertThat(nhsNumbers).noneMatch(body::contains);
                assertThat(orgOfReferral.keySet()).noneMatch(body::contains);
                assertThat(body)
                        .doesNotContain("Ashdown")
                        .doesNotContain("Maureen")
                        .doesNotContain("1948");
            }
        }
    }

    @Test
    void one_referring_organisation_and_bad_parameters() {
        JsonNode one = send("GET", "/v1/reports/process-measures?" + window() + "&referrerOrg=" + ORGS[1], null);
        for (JsonNode s : one.path("sections")) {
            s.path("rows")
                    .forEach(r -> assertThat(r.path("referrerOrg").asString()).isEqualTo(ORGS[1]));
        }
        assertThat(raw("GET", "/v1/reports/minimum-dataset?to=2026-01", null).statusCode())
                .isEqualTo(400);
        assertThat(raw("GET", "/v1/reports/minimum-dataset?from=2026-13&to=2026-01", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(raw("GET", "/v1/reports/minimum-dataset?from=2026-05&to=2026-01", null)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> badPeriod =
                raw("GET", "/v1/reports/minimum-dataset?from=2026-01&to=2026-02&period=week", null);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period");
        // a window with no referrals is empty, not an error
        JsonNode empty = send("GET", "/v1/reports/minimum-dataset?from=2001-01&to=2001-12", null);
        empty.path("sections").forEach(s -> assertThat(s.path("rows")).isEmpty());
    }
}
