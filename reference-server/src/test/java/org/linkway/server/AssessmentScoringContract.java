package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.Assessment;
import org.linkway.model.json.LinkwayJson;
import org.linkway.outcomes.Instrument;
import org.linkway.outcomes.InstrumentCatalogue;
import org.linkway.outcomes.ItemDefinition;
import org.linkway.outcomes.OutcomeScorer;
import org.linkway.outcomes.RecordedScores;
import org.linkway.outcomes.Score;
import org.linkway.outcomes.ScoreResult;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import org.linkway.server.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outcome answers over real HTTP: the server scores every assessment with the SDK's scorer,
 * refuses answers that do not score (422 naming the item, nothing stored) and stores the scores
 * it computed. Subclasses run it on SQLite and on a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class AssessmentScoringContract {

    LinkwayServer server;
    ApiClient api;
    /** The link worker of the referrals' addressee (Eastmere Community Action, 8EC41), with its own token. */
    ApiClient linkWorker;

    String referral;

    private static final OutcomeScorer SCORER = OutcomeScorer.standard();

    /** The running server, registered by each subclass on its database with {@link #server}. */
    LinkwayTestServer running;

    /** What each subclass registers: {@code @RegisterExtension static final LinkwayTestServer testServer = server(TestDatabase.X);} */
    static LinkwayTestServer server(TestDatabase database) {
        return LinkwayTestServer.on(database).clock(ReferralApiContract.TODAY);
    }

    @BeforeAll
    void start(LinkwayTestServer running) {
        this.running = running;
        server = running.server();
        api = new ApiClient(server.port());
        linkWorker = api.as(DevTokens.forPort(server.port()).orElseThrow().mint(Role.LINK_WORKER, "8EC41"));
        referral = api.postJson("/v1/referrals", ReferralApiContract.example(ReferralApiContract.FULL))
                .json()
                .path("id")
                .asString();
    }

    // --- the cases the issue named ---------------------------------------------------------

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "ONS4 answered 11",
                        ons4(4, 11, 3, 7),
                        "LW-OUTCOME-ANSWER-RANGE",
                        "/itemResponses/1/value",
                        "worthwhile"),
                Arguments.of(
                        "UCLA-3 answered 4",
                        ucla(3, 4, 1, null),
                        "LW-OUTCOME-ANSWER-RANGE",
                        "/itemResponses/1/value",
                        "feel-left-out"),
                Arguments.of(
                        "UCLA-3 with two of three items",
                        uclaTwoItems(),
                        "LW-OUTCOME-TOO-FEW-ITEMS",
                        "/itemResponses",
                        "feel-isolated"),
                Arguments.of(
                        "an unknown instrument",
                        ons4(4, 5, 3, 7).replace("\"ons4\"", "\"phq-9\""),
                        "LW-OUTCOME-INSTRUMENT",
                        "/instrument",
                        "phq-9"),
                Arguments.of(
                        "a stated total the answers do not give",
                        ucla(3, 2, 1, 8),
                        "LW-OUTCOME-TOTAL-MISMATCH",
                        "/assessment/structuredAssessment/assessmentResult/value",
                        "6"),
                Arguments.of(
                        "a total for ONS4, which has none",
                        withTotal(ons4(4, 5, 3, 7), 19),
                        "LW-OUTCOME-TOTAL-NONE",
                        "/assessment/structuredAssessment/assessmentResult/value",
                        "ons4"),
                Arguments.of(
                        "a stated metric score the table does not give",
                        swemwbs(new int[] {3, 3, 2, 3, 3, 4, 3}, 21, 21.0),
                        "LW-OUTCOME-SCORE-MISMATCH",
                        "/assessment/structuredAssessment/subscaleResult/0/value",
                        "19.25"),
                Arguments.of(
                        "a total without its answers",
                        withTotal(ucla(3, 2, 1, null).replaceFirst("\"itemResponses\":\\[[^]]*],", ""), 6),
                        "LW-OUTCOME-TOTAL-UNCHECKED",
                        "/assessment/structuredAssessment/assessmentResult/value",
                        "item responses"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void answers_that_do_not_score_are_refused_naming_the_item_and_nothing_is_stored(
            String why, String body, String rule, String pointer, String named) {
        JsonNode before = api.get("/v1/referrals/" + referral + "/assessments?limit=500")
                .json()
                .path("items");
        int events = api.get("/v1/referrals/" + referral + "/events")
                .json()
                .path("items")
                .size();

        ApiClient.Answer answer = linkWorker.postJson("/v1/referrals/" + referral + "/assessments", body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:linkway:problem:invalid-assessment");
        assertThat(problem.path("findings")).anySatisfy(f -> {
            assertThat(f.path("ruleId").asString()).isEqualTo(rule);
            assertThat(f.path("pointer").asString()).isEqualTo(pointer);
            assertThat(f.path("severity").asString()).isEqualTo("ERROR");
            assertThat(f.path("message").asString()).contains(named);
        });
        assertThat(api.get("/v1/referrals/" + referral + "/assessments?limit=500")
                        .json()
                        .path("items"))
                .isEqualTo(before);
        assertThat(api.get("/v1/referrals/" + referral + "/events").json().path("items"))
                .hasSize(events);
    }

    // --- what is stored --------------------------------------------------------------------

    @Test
    void a_link_worker_records_swemwbs_and_the_server_stores_raw_and_metric_scores() {
        String body = swemwbs(new int[] {3, 3, 2, 3, 3, 4, 3}, null, null); // raw 21, metric 19.25
        ApiClient.Answer created = linkWorker.postJson("/v1/referrals/" + referral + "/assessments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode stored = linkWorker.get(created.header("Location")).json();
        assertThat(stored).isEqualTo(created.json());
        JsonNode structured = stored.at("/assessment/structuredAssessment");
        assertThat(structured.at("/assessmentResult/value").asInt()).isEqualTo(21);
        assertThat(structured.at("/assessmentResult/value").isIntegralNumber()).isTrue();
        assertThat(structured
                        .at("/assessmentResult/assessmentScore/coding/system")
                        .asString())
                .isEqualTo(RecordedScores.SYSTEM);
        assertThat(structured
                        .at("/assessmentResult/assessmentScore/coding/code")
                        .asString())
                .isEqualTo("swemwbs/raw-total");
        assertThat(structured.at("/subscaleResult/0/subscaleScore/coding/code").asString())
                .isEqualTo("swemwbs/metric-total");
        assertThat(structured.at("/subscaleResult/0/value").asDouble()).isEqualTo(19.25);
        assertThat(structured.path("subscaleResult")).hasSize(1);
        // everything the sender wrote is still there, answers as sent
        assertThat(stored.path("itemResponses"))
                .isEqualTo(LinkwayJson.mapper().readTree(body).path("itemResponses"));
        assertThat(stored.at("/assessment/assessmentSummary").asString()).isEqualTo("Short wellbeing scale");
    }

    @Test
    void the_ons4_example_with_its_coded_scores_reads_back_as_sent() {
        String sent = ReferralApiContract.example("valid/assessment--ons4-baseline.json");
        ApiClient.Answer created = api.postJson("/v1/referrals/" + referral + "/assessments", sent);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode structured = created.json().at("/assessment/structuredAssessment");
        assertThat(structured).isEqualTo(LinkwayJson.mapper().readTree(sent).at("/assessment/structuredAssessment"));
        assertThat(RecordedScores.read(LinkwayJson.mapper().treeToValue(created.json(), Assessment.class)))
                .containsExactly(
                        Map.entry("life-satisfaction", 4.0),
                        Map.entry("worthwhile", 5.0),
                        Map.entry("happiness-yesterday", 3.0),
                        Map.entry("anxiety-yesterday", 7.0));
    }

    @Test
    void uncoded_results_of_the_sender_are_kept_and_the_coded_scores_added() {
        String sent = envelope(
                "ons4",
                String.join(
                        ",",
                        item("life-satisfaction", 4),
                        item("worthwhile", 5),
                        item("happiness-yesterday", 3),
                        item("anxiety-yesterday", 7)),
                "{\"subscaleResult\":[{\"subscaleScore\":{\"text\":\"Anxiety, in the sender's words\"},\"value\":7}]}");
        ApiClient.Answer created = api.postJson("/v1/referrals/" + referral + "/assessments", sent);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode subscales = created.json().at("/assessment/structuredAssessment/subscaleResult");
        assertThat(subscales).hasSize(5);
        assertThat(subscales.get(0))
                .isEqualTo(LinkwayJson.mapper().readTree(sent).at("/assessment/structuredAssessment/subscaleResult/0"));
        assertThat(subscales.get(4).at("/subscaleScore/coding/code").asString()).isEqualTo("ons4/anxiety-yesterday");
        assertThat(subscales.get(4).path("value").asInt()).isEqualTo(7);
        // ONS4 has no overall result, so none is made up
        assertThat(created.json()
                        .at("/assessment/structuredAssessment/assessmentResult")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void a_stated_total_that_agrees_is_kept_with_the_senders_wording_and_coded() {
        ApiClient.Answer created = api.postJson("/v1/referrals/" + referral + "/assessments", ucla(3, 2, 1, 6));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode result = created.json().at("/assessment/structuredAssessment/assessmentResult");
        assertThat(result.path("value").asInt()).isEqualTo(6);
        assertThat(result.at("/assessmentScore/text").asString()).isEqualTo("Loneliness total");
        assertThat(result.at("/assessmentScore/coding/code").asString()).isEqualTo("ucla-3/total");
        assertThat(result.path("unitsOfMeasure").asString()).isEqualTo("{score}");
    }

    // --- SWEMWBS's published table, every row, through the server ---------------------------

    static Stream<Arguments> swemwbsTable() {
        double[][] published = {
            {7, 7.00},
            {8, 9.51},
            {9, 11.25},
            {10, 12.40},
            {11, 13.33},
            {12, 14.08},
            {13, 14.75},
            {14, 15.32},
            {15, 15.84},
            {16, 16.36},
            {17, 16.88},
            {18, 17.43},
            {19, 17.98},
            {20, 18.59},
            {21, 19.25},
            {22, 19.98},
            {23, 20.73},
            {24, 21.54},
            {25, 22.35},
            {26, 23.21},
            {27, 24.11},
            {28, 25.03},
            {29, 26.02},
            {30, 27.03},
            {31, 28.13},
            {32, 29.31},
            {33, 30.70},
            {34, 32.55},
            {35, 35.00}
        };
        return Stream.of(published).map(row -> Arguments.of((int) row[0], row[1]));
    }

    @ParameterizedTest(name = "raw {0} is stored with metric {1}")
    @MethodSource("swemwbsTable")
    void every_published_swemwbs_row_is_the_metric_score_the_server_stores(int raw, double metric) {
        int[] answers = {1, 1, 1, 1, 1, 1, 1};
        for (int i = 0, left = raw - 7; left > 0; i = (i + 1) % 7) {
            if (answers[i] < 5) {
                answers[i]++;
                left--;
            }
        }
        ApiClient.Answer created =
                api.postJson("/v1/referrals/" + referral + "/assessments", swemwbs(answers, raw, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Double> stored =
                RecordedScores.read(LinkwayJson.mapper().treeToValue(created.json(), Assessment.class));
        assertThat(stored).containsExactly(Map.entry("raw-total", (double) raw), Map.entry("metric-total", metric));
    }

    // --- every catalogued instrument, random answers ----------------------------------------

    /** In-range complete answers to any catalogued instrument are stored with exactly the SDK scorer's scores. */
    @Test
    void complete_answers_in_range_are_stored_with_the_scorers_scores() {
        List<Instrument> all = InstrumentCatalogue.standard().all();
        qt().withFixedSeed(20261204L)
                .withExamples(60)
                .forAll(integers().between(0, all.size() - 1), longs().all())
                .checkAssert((which, seed) -> {
                    Instrument instrument = all.get(which);
                    ObjectNode doc = assessment(instrument, answers(instrument, new Random(seed)));
                    ScoreResult expected = SCORER.score(LinkwayJson.mapper().treeToValue(doc, Assessment.class));
                    assertThat(expected.isValid()).as(expected.toString()).isTrue();
                    ApiClient.Answer created =
                            api.postJson("/v1/referrals/" + referral + "/assessments", doc.toString());
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    Map<String, Double> stored =
                            RecordedScores.read(LinkwayJson.mapper().treeToValue(created.json(), Assessment.class));
                    assertThat(stored).as(instrument.id()).containsExactlyEntriesOf(values(expected));
                });
    }

    /** One item out of range, or one item a score needs left out, is refused naming that item, whatever the instrument. */
    @Test
    void one_bad_or_missing_item_is_refused_naming_it() {
        List<Instrument> all = InstrumentCatalogue.standard().all();
        qt().withFixedSeed(20261205L)
                .withExamples(60)
                .forAll(
                        integers().between(0, all.size() - 1),
                        longs().all(),
                        integers().between(0, 1))
                .checkAssert((which, seed, missing) -> {
                    Instrument instrument = all.get(which);
                    Random rnd = new Random(seed);
                    double[] values = answers(instrument, rnd);
                    // only items some score uses are needed (Outcomes Star's count of areas is context)
                    List<ItemDefinition> needed = instrument.items().stream()
                            .filter(i -> instrument.scores().stream()
                                    .anyMatch(s -> s.items().contains(i.id())))
                            .toList();
                    ItemDefinition bad = needed.get(rnd.nextInt(needed.size()));
                    int at = instrument.items().indexOf(bad);
                    ObjectNode doc = assessment(instrument, values);
                    ArrayNode responses = (ArrayNode) doc.get("itemResponses");
                    String rule;
                    String pointer;
                    if (missing == 1) {
                        responses.remove(at);
                        rule = "LW-OUTCOME-TOO-FEW-ITEMS";
                        pointer = "/itemResponses";
                    } else {
                        double outside =
                                rnd.nextBoolean() ? bad.max() + 1 + rnd.nextInt(20) : bad.min() - 1 - rnd.nextInt(20);
                        ((ObjectNode) responses.get(at)).put("value", outside);
                        rule = "LW-OUTCOME-ANSWER-RANGE";
                        pointer = "/itemResponses/" + at + "/value";
                    }
                    int before = api.get("/v1/referrals/" + referral + "/assessments?limit=500")
                            .json()
                            .path("items")
                            .size();
                    ApiClient.Answer answer =
                            api.postJson("/v1/referrals/" + referral + "/assessments", doc.toString());
                    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
                    assertThat(answer.json().path("findings")).as(answer.body()).anySatisfy(f -> {
                        assertThat(f.path("ruleId").asString()).isEqualTo(rule);
                        assertThat(f.path("pointer").asString()).isEqualTo(pointer);
                        assertThat(f.path("message").asString()).contains(bad.id());
                    });
                    assertThat(api.get("/v1/referrals/" + referral + "/assessments?limit=500")
                                    .json()
                                    .path("items"))
                            .hasSize(before);
                });
    }

    private static Map<String, Double> values(ScoreResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Score s : r.scores().values()) {
            out.put(s.id(), s.value());
        }
        return out;
    }

    /** An answer in range for every item: whole numbers where the item takes them, else two decimals. */
    private static double[] answers(Instrument instrument, Random rnd) {
        List<ItemDefinition> items = instrument.items();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            ItemDefinition d = items.get(i);
            out[i] = d.integer()
                    ? d.min() + rnd.nextInt((int) (d.max() - d.min()) + 1)
                    : Math.round((d.min() + rnd.nextDouble() * (d.max() - d.min())) * 100) / 100.0;
        }
        return out;
    }

    private static ObjectNode assessment(Instrument instrument, double[] values) {
        ObjectNode doc = LinkwayJson.mapper().createObjectNode();
        doc.put("resourceType", "Assessment")
                .put("schemaVersion", "1.0.0")
                .put("prsbVersion", "1.1")
                .put("instrument", instrument.id())
                .put("timepoint", "baseline")
                .put("administeredAt", "2026-11-20");
        ArrayNode responses = doc.putArray("itemResponses");
        for (int i = 0; i < values.length; i++) {
            ObjectNode r =
                    responses.addObject().put("item", instrument.items().get(i).id());
            if (values[i] == Math.rint(values[i])) {
                r.put("value", (long) values[i]);
            } else {
                r.put("value", values[i]);
            }
        }
        doc.putObject("assessment")
                .put("assessmentType", "Outcome measure")
                .put("assessmentSummary", instrument.name());
        return doc;
    }

    // --- bodies ---------------------------------------------------------------------------------

    private static String envelope(String instrument, String responses, String structured) {
        return "{\"resourceType\":\"Assessment\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\",\"instrument\":\""
                + instrument + "\","
                + "\"timepoint\":\"baseline\",\"administeredAt\":\"2026-11-20\",\"itemResponses\":[" + responses + "],"
                + "\"assessment\":{\"assessmentType\":\"Outcome measure\",\"assessmentSummary\":\""
                + (instrument.equals("swemwbs") ? "Short wellbeing scale" : "Outcome measure at the first visit") + "\""
                + (structured == null ? "" : ",\"structuredAssessment\":" + structured) + "}}";
    }

    private static String item(String id, int value) {
        return "{\"item\":\"" + id + "\",\"value\":" + value + "}";
    }

    static String ons4(int satisfaction, int worthwhile, int happiness, int anxiety) {
        return envelope(
                "ons4",
                String.join(
                        ",",
                        item("life-satisfaction", satisfaction),
                        item("worthwhile", worthwhile),
                        item("happiness-yesterday", happiness),
                        item("anxiety-yesterday", anxiety)),
                null);
    }

    static String ucla(int companionship, int leftOut, int isolated, Integer statedTotal) {
        return envelope(
                "ucla-3",
                String.join(
                        ",",
                        item("lack-companionship", companionship),
                        item("feel-left-out", leftOut),
                        item("feel-isolated", isolated)),
                statedTotal == null
                        ? null
                        : "{\"assessmentResult\":{\"assessmentScore\":{\"text\":\"Loneliness total\"},\"value\":"
                                + statedTotal + "}}");
    }

    private static String uclaTwoItems() {
        return envelope("ucla-3", String.join(",", item("lack-companionship", 3), item("feel-left-out", 2)), null);
    }

    private static String withTotal(String body, int total) {
        ObjectNode doc = (ObjectNode) LinkwayJson.mapper().readTree(body);
        ((ObjectNode) doc.get("assessment"))
                .putObject("structuredAssessment")
                .putObject("assessmentResult")
                .put("value", total);
        return doc.toString();
    }

    static String swemwbs(int[] answers, Integer statedRaw, Double statedMetric) {
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
            responses.append(i == 0 ? "" : ",").append(item(items[i], answers[i]));
        }
        String structured = null;
        if (statedRaw != null || statedMetric != null) {
            structured = "{" + (statedRaw == null ? "" : "\"assessmentResult\":{\"value\":" + statedRaw + "}")
                    + (statedRaw != null && statedMetric != null ? "," : "")
                    + (statedMetric == null
                            ? ""
                            : "\"subscaleResult\":[{\"subscaleScore\":{\"coding\":{\"system\":\""
                                    + RecordedScores.SYSTEM + "\",\"code\":\"swemwbs/metric-total\"}},\"value\":"
                                    + statedMetric + "}]")
                    + "}";
        }
        return envelope("swemwbs", responses.toString(), structured);
    }
}
