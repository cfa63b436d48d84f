package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * A referral's hospital stay over real HTTP, from the hospital team's side (the referrer that
 * sent the referral, with its own token) and the link worker service's: record, read, replace
 * with If-Match, every version kept, rules refused with findings and nothing written, readmission
 * checks after the referral closed, and no one else sees it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HospitalDischargeApiTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    /** The hospital team's organisation: the referral's referrer. */
    private static final String WARD = "RGN80";

    private static final String SERVICE = "8EC41";

    private static ApiClient ward() {
        return new ApiClient(server.port(), server.token(Role.REFERRER, WARD));
    }

    private static ApiClient linkWorker() {
        return new ApiClient(server.port(), server.token(Role.LINK_WORKER, SERVICE));
    }

    private static String refer() {
        ApiClient.Answer a = ward().postJson(
                        "/v1/referrals",
                        CaseloadTest.referral(null, WARD, SERVICE).toString());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asString();
    }

    static final String ADMITTED = "{\"resourceType\":\"HospitalDischarge\",\"schemaVersion\":\"1.0.0\","
            + "\"prsbVersion\":\"1.1\",\"hospitalStay\":{\"serviceOutcome\":\"discharge\","
            + "\"admissionDate\":\"2026-09-02\",\"admissionMethod\":\"ambulance\","
            + "\"plannedDischargeDate\":\"2026-09-16\"}}";

    static final String DISCHARGED = "{\"resourceType\":\"HospitalDischarge\",\"schemaVersion\":\"1.0.0\","
            + "\"prsbVersion\":\"1.1\",\"hospitalStay\":{\"serviceOutcome\":\"discharge\","
            + "\"admissionDate\":\"2026-09-02\",\"admissionMethod\":\"ambulance\","
            + "\"plannedDischargeDate\":\"2026-09-16\",\"actualDischargeDate\":\"2026-09-11\","
            + "\"dischargeLocation\":\"usual-residence\",\"oneOffPersonalHealthBudget\":true,"
            + "\"personalHealthBudgetCost\":97.19}}";

    private static String path(String id) {
        return "/v1/referrals/" + id + "/hospital-discharge";
    }

    @Test
    void the_ward_records_the_stay_and_the_service_completes_it_every_version_kept() {
        String id = refer();
        ApiClient.Answer created = ward().put(path(id), ADMITTED, "If-None-Match", "*");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo(path(id));
        assertThat(created.json().path("referralId").asString()).isEqualTo(id);
        assertThat(created.json().at("/hospitalStay/plannedDischargeDate").asString())
                .isEqualTo("2026-09-16");

        ApiClient.Answer updated = linkWorker().put(path(id), DISCHARGED, "If-Match", "\"1\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        JsonNode read = ward().get(path(id)).json();
        assertThat(read.path("version").asInt()).isEqualTo(2);
        assertThat(read.path("hospitalStay"))
                .isEqualTo(LinkwayJson.mapper().readTree(DISCHARGED).path("hospitalStay"));
        assertThat(read.at("/hospitalStay/personalHealthBudgetCost").decimalValue())
                .isEqualByComparingTo("97.19");

        List<Integer> versions = linkWorker()
                .get(path(id) + "/versions")
                .json()
                .path("items")
                .valueStream()
                .map(v -> v.path("version").asInt())
                .toList();
        assertThat(versions).containsExactly(1, 2);
        ApiClient.Answer first = ward().get(path(id) + "/versions/1");
        assertThat(first.json().at("/hospitalStay/actualDischargeDate").isMissingNode())
                .isTrue();
        assertThat(ward().get(path(id) + "/versions/3").status()).isEqualTo(404);
        assertThat(ward().get(path(id) + "/versions/x").status()).isEqualTo(400);

        List<String> events = linkWorker()
                .get("/v1/referrals/" + id + "/events")
                .json()
                .path("items")
                .valueStream()
                .map(e -> e.path("type").asString())
                .filter(t -> t.startsWith("hospital-discharge"))
                .toList();
        assertThat(events).containsExactly("hospital-discharge.updated", "hospital-discharge.updated");
    }

    @Test
    void a_stale_or_missing_precondition_is_refused_and_a_retry_does_not_apply_twice() {
        String id = refer();
        assertThat(ward().put(path(id), ADMITTED).status()).isEqualTo(428);
        assertThat(ward().put(path(id), ADMITTED, "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(ward().put(path(id), ADMITTED, "If-None-Match", "*").status())
                .isEqualTo(201);
        assertThat(ward().put(path(id), ADMITTED, "If-None-Match", "*").status())
                .isEqualTo(412);
        assertThat(ward().put(path(id), DISCHARGED, "If-Match", "\"1\"").status())
                .isEqualTo(200);
        // the same request again, as a client retrying after a lost answer: refused, not a third version
        ApiClient.Answer retry = ward().put(path(id), DISCHARGED, "If-Match", "\"1\"");
        assertThat(retry.status()).isEqualTo(412);
        assertThat(ward().get(path(id) + "/versions").json().path("items").size())
                .isEqualTo(2);
    }

    @Test
    void a_broken_rule_names_the_member_and_the_rule_and_nothing_is_written() {
        String id = refer();
        String bad = DISCHARGED
                .replace(
                        "\"personalHealthBudgetCost\":97.19}",
                        "\"personalHealthBudgetCost\":97.19,\"readmissionWithin2Weeks\":\"yes\","
                                + "\"readmissionWithin2WeeksDate\":\"2026-10-30\"}")
                .replace("\"admissionDate\":\"2026-09-02\"", "\"admissionDate\":\"2026-09-12\"");
        ApiClient.Answer refused = ward().put(path(id), bad, "If-None-Match", "*");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("invalid-hospital-discharge");
        JsonNode findings = refused.json().path("findings");
        assertThat(findings.findValuesAsString("ruleId")).contains("LW-HOSPITAL-DISCHARGE", "LW-DATE-ORDER");
        assertThat(findings.findValuesAsString("pointer"))
                .contains("/hospitalStay/readmissionWithin2WeeksDate", "/hospitalStay/actualDischargeDate");
        assertThat(ward().get(path(id)).status()).isEqualTo(404);

        String future = ADMITTED.replace("2026-09-02", "2093-01-01").replace("2026-09-16", "2093-01-10");
        ApiClient.Answer ahead = ward().put(path(id), future, "If-None-Match", "*");
        assertThat(ahead.json().path("findings").findValuesAsString("ruleId")).containsExactly("LW-DATE-FUTURE");
        assertThat(ward().get(path(id)).status()).isEqualTo(404);
    }

    @Test
    void readmission_checks_are_recorded_after_the_referral_closed() {
        String id = refer();
        assertThat(ward().put(path(id), DISCHARGED, "If-None-Match", "*").status())
                .isEqualTo(201);
        ApiClient.Answer cancelled = ward().postJson(
                        "/v1/referrals/" + id + "/transitions",
                        "{\"to\":\"cancelled\",\"reason\":\"Support arranged by the ward\"}",
                        "If-Match",
                        ward().get("/v1/referrals/" + id).header("ETag"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        String checked = DISCHARGED.replace(
                "\"personalHealthBudgetCost\":97.19}",
                "\"personalHealthBudgetCost\":97.19,\"readmissionWithin2Weeks\":\"no\"}");
        ApiClient.Answer later = linkWorker().put(path(id), checked, "If-Match", "\"1\"");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().at("/hospitalStay/readmissionWithin2Weeks").asString())
                .isEqualTo("no");
    }

    @Test
    void another_hospital_another_service_and_a_provider_see_nothing() {
        String id = refer();
        assertThat(ward().put(path(id), ADMITTED, "If-None-Match", "*").status())
                .isEqualTo(201);
        ApiClient otherWard = new ApiClient(server.port(), server.token(Role.REFERRER, "RGT01"));
        ApiClient otherService = new ApiClient(server.port(), server.token(Role.LINK_WORKER, "8XY99"));
        ApiClient provider = new ApiClient(server.port(), server.token(Role.PROVIDER, "8EC41"));
        assertThat(otherWard.get(path(id)).status()).isEqualTo(404);
        assertThat(otherService.get(path(id)).status()).isEqualTo(404);
        assertThat(otherWard.put(path(id), DISCHARGED, "If-Match", "\"1\"").status())
                .isEqualTo(404);
        assertThat(provider.get(path(id)).status()).isIn(403, 404);
        assertThat(ward().get(path(id)).json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_commissioner_reads_the_report_of_what_was_recorded_and_no_one_else_does() {
        // ten stays discharged in March 2025 (a month no other test uses): 1 to 5 days before the planned date, twice
        // (ten, so that the counts are large enough to publish under disclosure control)
        for (int i = 0; i < 10; i++) {
            int early = i % 5 + 1;
            String stay = DISCHARGED
                    .replace("2026-09-02", "2025-03-01")
                    .replace("2026-09-16", "2025-03-1" + early)
                    .replace("2026-09-11", "2025-03-10");
            assertThat(ward().put(path(refer()), stay, "If-None-Match", "*").status())
                    .isEqualTo(201);
        }
        ApiClient commissioner = new ApiClient(server.port(), server.token(Role.COMMISSIONER, "QEM"));
        ApiClient.Answer a = commissioner.get("/v1/reports/hospital-discharge?from=2025-03&to=2025-03&bedDayCost=400");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode outcome = a.json().path("sections").get(0);
        assertThat(outcome.path("id").asString()).isEqualTo("service-outcome");
        JsonNode march = outcome.path("rows").get(0);
        assertThat(march.path("month").asString()).isEqualTo("2025-03");
        assertThat(march.at("/cells/discharge").asLong()).isEqualTo(10);
        assertThat(march.path("bedDaysSaved").asLong()).isEqualTo(2 * (1 + 2 + 3 + 4 + 5));
        assertThat(march.path("estimatedValue").decimalValue()).isEqualByComparingTo("12000");
        assertThat(a.json().path("sections").get(3).at("/totals/spend").decimalValue())
                .isEqualByComparingTo("971.90");
        assertThat(commissioner
                        .get("/v1/reports/hospital-discharge?from=2025-03&to=2025-02")
                        .status())
                .isEqualTo(400);
        assertThat(commissioner
                        .get("/v1/reports/hospital-discharge?from=2025-03&to=2025-03&bedDayCost=-1")
                        .status())
                .isEqualTo(400);
        assertThat(ward().get("/v1/reports/hospital-discharge?from=2025-03&to=2025-03")
                        .status())
                .isEqualTo(403);
    }
}
