package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;

/**
 * Every record made on a journey before closing appears in its message back: random journeys
 * (contacts and attempts, assessments of two instruments, signposts, care plan versions some
 * agreed and some not, onward referrals at every stage with the provider's feedback, any ending,
 * with or without a request to the GP) are made over HTTP against the in-process server, and the
 * message back read afterwards must hold each of them, the latest agreed plan, the change from
 * baseline of each instrument used twice, and be valid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MessageBackJourneyProperties {

    private static final String[] ATTEMPTS = {
        "made-contact", "no-answer", "left-message", "wrong-number", "declined-to-talk"
    };
    private static final String[] ENDINGS = {"completed", "declined", "unable-to-contact", "rejected"};
    /** Onward referral stages the provider reaches, as the moves that get there. */
    private static final String[][] ONWARD_PATHS = {
        {},
        {"accepted"},
        {"declined"},
        {"accepted", "attended"},
        {"accepted", "did-not-attend", "completed"},
        {"accepted", "attended", "completed"}
    };

    private static final String[] ATTENDANCE = {"attended", "did-not-attend", "partially-attended"};

    /** One journey: each array says how many records of a kind and which variant each one is. */
    record Journey(int[] contacts, int[] assessments, int[] carePlans, int[] onward, int misc) {
        String ending() {
            return ENDINGS[misc % 4];
        }

        int signposts() {
            return (misc / 4) % 4;
        }

        boolean asksGp() {
            return misc / 16 == 1;
        }

        @Override
        public String toString() {
            return ending() + " contacts=" + Arrays.toString(contacts) + " assessments=" + Arrays.toString(assessments)
                    + " plans=" + Arrays.toString(carePlans) + " onward=" + Arrays.toString(onward)
                    + " signposts=" + signposts() + " gp=" + asksGp();
        }
    }

    @TempDir
    static Path data;

    LinkwayServer server;
    ApiClient api;
    Journeys journeys;
    final MessageValidator validator =
            MessageValidator.builder().clock(ReferralApiContract.TODAY).build();

    @BeforeAll
    void start() {
        server = LinkwayServer.start(ServerConfig.forTests(data), ReferralApiContract.TODAY);
        api = new ApiClient(server.port());
        journeys = new Journeys(api);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Gen<Journey> journeys() {
        Gen<int[]> contacts = Generate.intArrays(Generate.range(0, 4), Generate.range(0, ATTEMPTS.length - 1));
        Gen<int[]> assessments = Generate.intArrays(Generate.range(0, 5), Generate.range(0, 99));
        Gen<int[]> plans = Generate.intArrays(Generate.range(0, 3), Generate.range(0, 1));
        Gen<int[]> onward = Generate.intArrays(Generate.range(0, 2), Generate.range(0, ONWARD_PATHS.length * 3 - 1));
        return contacts.zip(assessments, plans, onward, Generate.range(0, 31), Journey::new);
    }

    @Test
    void every_record_made_before_closing_is_in_the_message_back() {
        qt().withFixedSeed(20261204L).withExamples(18).forAll(journeys()).checkAssert(this::walk);
    }

    /** Makes the journey, closes it and checks its message back; returns the referral's id. */
    private String walk(Journey j) {
        String id = journeys.refer(Journeys.newReferrerOrg());
        List<JsonNode> contacts = new ArrayList<>();
        for (int i = 0; i < j.contacts().length; i++) {
            contacts.add(journeys.recorded(
                    id,
                    "contacts",
                    Journeys.contact(
                            ATTEMPTS[j.contacts()[i]],
                            "2026-10-" + (10 + i) + "T09:30:00Z",
                            "Contact " + i + " of the journey")));
        }
        List<JsonNode> assessments = new ArrayList<>();
        for (int i = 0; i < j.assessments().length; i++) {
            int v = j.assessments()[i];
            String at = "2026-10-" + (10 + i);
            String body = v % 2 == 0
                    ? Journeys.ons4(at, v % 11, (v / 2) % 11, (v / 3) % 11, (v / 5) % 11)
                    : Journeys.swemwbs(
                            at, new int[] {1 + v % 5, 1 + (v / 2) % 5, 1 + (v / 3) % 5, 2, 3, 1 + (v / 7) % 5, 4});
            assessments.add(journeys.recorded(id, "assessments", body));
        }
        List<JsonNode> signposts = new ArrayList<>();
        for (int i = 0; i < j.signposts(); i++) {
            signposts.add(journeys.recorded(
                    id, "signposts", Journeys.signpost("2026-10-" + (12 + i), "Service number " + i)));
        }
        JsonNode latestAgreed = null;
        for (int i = 0; i < j.carePlans().length; i++) {
            JsonNode stored =
                    journeys.agreePlan(id, i + 1, Journeys.carePlan("Plan version " + (i + 1), j.carePlans()[i] == 1));
            if (j.carePlans()[i] == 1) {
                latestAgreed = stored;
            }
        }
        List<String> onwardIds = new ArrayList<>();
        List<String> feedbackTexts = new ArrayList<>();
        for (int i = 0; i < j.onward().length; i++) {
            String onwardId = journeys.recorded(id, "onward-referrals", Journeys.onwardReferral("2026-10-1" + i))
                    .path("id")
                    .asString();
            onwardIds.add(onwardId);
            long version = 1;
            for (String to : ONWARD_PATHS[j.onward()[i] % ONWARD_PATHS.length]) {
                version = Journeys.moveOnward(api, onwardId, version, to);
            }
            for (int f = 0; f < j.onward()[i] / ONWARD_PATHS.length; f++) {
                String text = "Feedback " + f + " on onward referral " + i;
                assertThat(Journeys.feedback(api, onwardId, "2026-10-2" + f, ATTENDANCE[(i + f) % 3], text)
                                .status())
                        .isEqualTo(201);
                feedbackTexts.add(text);
            }
        }
        String gpActions = j.asksGp() ? "Please review her medication at the next appointment." : null;
        String reason = j.ending().equals("completed") ? null : "Ended as " + j.ending() + " in the property";
        journeys.close(id, j.ending(), reason, gpActions);

        ApiClient.Answer read = api.get("/v1/referrals/" + id + "/message-back");
        assertThat(read.status()).isEqualTo(200);
        JsonNode m = read.json();
        assertThat(validator.validate(read.body()).findings())
                .filteredOn(Finding::isError)
                .isEmpty();
        assertThat(m.path("outcome").asString()).isEqualTo(j.ending());
        if (reason != null) {
            assertThat(m.at("/clinicalSummary/clinicalSummary").asString()).contains(reason);
        }

        assertThat(list(m.at("/contactsWithProfessionals/entries")))
                .containsExactlyElementsOf(
                        contacts.stream().map(c -> c.get("contact")).toList());
        List<JsonNode> assessmentEntries = list(m.at("/assessments/entries"));
        assertThat(assessmentEntries.subList(0, Math.min(assessments.size(), assessmentEntries.size())))
                .containsExactlyElementsOf(
                        assessments.stream().map(a -> a.get("assessment")).toList());
        assertChangesFromBaseline(assessments, assessmentEntries.subList(assessments.size(), assessmentEntries.size()));
        assertThat(list(m.at("/signpostDetails/entries")))
                .containsExactlyElementsOf(
                        signposts.stream().map(s -> s.get("signpost")).toList());

        if (latestAgreed == null) {
            assertThat(m.has("careAndSupportPlan"))
                    .as("no agreed plan, none sent")
                    .isFalse();
        } else {
            assertThat(m.get("careAndSupportPlan")).isEqualTo(latestAgreed.get("careAndSupportPlan"));
        }

        List<String> plan = Journeys.planTexts(m);
        if (gpActions != null) {
            assertThat(plan).first().isEqualTo("For the GP practice: " + gpActions);
        }
        assertThat(plan).hasSize(onwardIds.size() + (gpActions == null ? 0 : 1));
        for (String onwardId : onwardIds) {
            JsonNode onward = api.get("/v1/onward-referrals/" + onwardId).json();
            assertThat(plan).as(onward.path("status").asString()).anySatisfy(t -> {
                assertThat(t).contains("Status: " + onward.path("status").asString() + ".");
                onward.path("feedback")
                        .forEach(f -> assertThat(t).contains(f.path("text").asString()));
                if (!onward.path("feedback").isEmpty()) {
                    assertThat(t)
                            .contains("Attendance: "
                                    + onward.path("feedback")
                                            .get(onward.path("feedback").size() - 1)
                                            .path("attendance")
                                            .asString());
                }
            });
        }
        feedbackTexts.forEach(text -> assertThat(String.join("\n", plan)).contains(text));
        String summary = m.at("/clinicalSummary/clinicalSummary").asString();
        for (String onwardId : onwardIds) {
            assertThat(summary)
                    .contains("Eastmere Strollers ("
                            + api.get("/v1/onward-referrals/" + onwardId)
                                    .json()
                                    .path("status")
                                    .asString() + ")");
        }
        if (!contacts.isEmpty()) {
            assertThat(summary).contains("Contacts: " + contacts.size() + " recorded contact");
        }
        return id;
    }

    /**
     * A message back with every section filled still converts to a FHIR document that HAPI's
     * validator accepts, read as a GP system would (Accept: application/fhir+json).
     */
    @Test
    void a_full_journey_message_back_is_a_valid_fhir_document() {
        Journey full = new Journey(
                new int[] {0, 1, 0}, new int[] {4, 7, 10, 21}, new int[] {1, 0}, new int[] {17, 5}, 16 + 3 * 4);
        assertThat(full.ending()).isEqualTo("completed");
        String id = walk(full);
        ApiClient.Answer document = api.get("/fhir/R4/Bundle/" + id, "Accept", "application/fhir+json");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(document.json().path("type").asString()).isEqualTo("document");
        ReferralApiContract.assertValidFhir(document.body());
        ApiClient.Answer viaApi = api.get("/v1/referrals/" + id + "/message-back", "Accept", "application/fhir+json");
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.json()).isEqualTo(document.json());
    }

    /** One "Change from baseline" entry per instrument used twice or more: latest minus first. */
    private static void assertChangesFromBaseline(List<JsonNode> assessments, List<JsonNode> changes) {
        Map<String, List<JsonNode>> byInstrument = new LinkedHashMap<>();
        assessments.forEach(a -> byInstrument
                .computeIfAbsent(a.path("instrument").asString(), k -> new ArrayList<>())
                .add(a));
        List<List<JsonNode>> repeated =
                byInstrument.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(changes).hasSize(repeated.size());
        for (int i = 0; i < repeated.size(); i++) {
            JsonNode first = repeated.get(i).get(0).at("/assessment/structuredAssessment");
            JsonNode latest = repeated.get(i).get(repeated.get(i).size() - 1).at("/assessment/structuredAssessment");
            JsonNode change = changes.get(i);
            assertThat(change.path("assessmentType").asString()).isEqualTo("Change from baseline");
            assertThat(change.at("/structuredAssessment/structuredAssessmentName"))
                    .isEqualTo(latest.path("structuredAssessmentName"));
            if (latest.has("assessmentResult")) {
                assertThat(change.at("/structuredAssessment/assessmentResult/value")
                                .decimalValue())
                        .isEqualByComparingTo(latest.at("/assessmentResult/value")
                                .decimalValue()
                                .subtract(first.at("/assessmentResult/value").decimalValue()));
            }
            JsonNode subscales = change.at("/structuredAssessment/subscaleResult");
            for (int s = 0; s < latest.path("subscaleResult").size(); s++) {
                BigDecimal expected = latest.path("subscaleResult")
                        .get(s)
                        .path("value")
                        .decimalValue()
                        .subtract(first.path("subscaleResult")
                                .get(s)
                                .path("value")
                                .decimalValue());
                assertThat(subscales.get(s).path("value").decimalValue()).isEqualByComparingTo(expected);
            }
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
