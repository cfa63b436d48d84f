package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.HospitalDischarge;
import org.linkway.model.MessageType;

/**
 * {@code LW-HOSPITAL-DISCHARGE} and the date rules on a hospital stay, at the edges of each
 * window, with the validator's clock fixed so "the future" does not move.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class HospitalDischargeRuleTest {

    static final MessageValidator VALIDATOR = MessageValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC))
            .build();

    static String stay(String members) {
        return "{\"resourceType\":\"HospitalDischarge\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\","
                + "\"hospitalStay\":{\"serviceOutcome\":\"discharge\",\"admissionDate\":\"2026-09-02\","
                + "\"actualDischargeDate\":\"2026-09-11\"" + members + "}}";
    }

    static List<String> rules(String json) {
        return VALIDATOR.validate(json).findings().stream().map(Finding::ruleId).toList();
    }

    static List<String> pointers(String json) {
        return VALIDATOR.validate(json).findings().stream()
                .map(Finding::pointer)
                .toList();
    }

    @Test
    void a_readmission_on_the_last_day_of_its_window_is_in_it_and_the_next_day_is_not() {
        assertThat(rules(stay(",\"readmissionWithin2Weeks\":\"yes\",\"readmissionWithin2WeeksDate\":\"2026-09-25\"")))
                .isEmpty();
        assertThat(pointers(
                        stay(",\"readmissionWithin2Weeks\":\"yes\",\"readmissionWithin2WeeksDate\":\"2026-09-26\"")))
                .containsExactly("/hospitalStay/readmissionWithin2WeeksDate");
        // discharged on 11 August: 3 calendar months run to 11 November
        String august = ",\"readmissionWithin3Months\":\"yes\",\"readmissionWithin3MonthsDate\":";
        assertThat(rules(stay(august + "\"2026-11-11\"")
                        .replace("2026-09-11", "2026-08-11")
                        .replace("2026-09-02", "2026-08-02")))
                .isEmpty();
        assertThat(rules(stay(august + "\"2026-11-12\"")
                        .replace("2026-09-11", "2026-08-11")
                        .replace("2026-09-02", "2026-08-02")))
                .containsExactly(Rule.HOSPITAL_DISCHARGE.id());
    }

    @Test
    void answers_and_dates_must_agree() {
        assertThat(pointers(stay(",\"readmissionWithin2Weeks\":\"yes\"")))
                .containsExactly("/hospitalStay/readmissionWithin2WeeksDate");
        assertThat(pointers(stay(",\"readmissionWithin2Weeks\":\"no\",\"readmissionWithin2WeeksDate\":\"2026-09-20\"")))
                .containsExactly("/hospitalStay/readmissionWithin2Weeks");
        assertThat(pointers(stay(",\"readmissionWithin3MonthsDate\":\"2026-09-20\"")))
                .containsExactly("/hospitalStay/readmissionWithin3Months");
        assertThat(rules(stay(
                        ",\"readmissionWithin2Weeks\":\"died\",\"readmissionWithin3Months\":\"declined-conveyance\"")))
                .isEmpty();
    }

    @Test
    void a_readmission_before_the_discharge_is_out_of_order_not_out_of_window() {
        assertThat(rules(stay(",\"readmissionWithin2Weeks\":\"yes\",\"readmissionWithin2WeeksDate\":\"2026-09-10\"")))
                .containsExactly(Rule.DATE_ORDER.id());
        assertThat(pointers(stay(",\"plannedDischargeDate\":\"2026-09-01\"")))
                .containsExactly("/hospitalStay/plannedDischargeDate");
    }

    @Test
    void a_planned_discharge_may_be_ahead_but_an_admission_may_not() {
        String planned = "{\"resourceType\":\"HospitalDischarge\",\"schemaVersion\":\"1.0.0\",\"prsbVersion\":\"1.1\","
                + "\"hospitalStay\":{\"serviceOutcome\":\"discharge\",\"admissionDate\":\"2026-11-28\","
                + "\"plannedDischargeDate\":\"2026-12-09\"}}";
        assertThat(rules(planned)).isEmpty();
        assertThat(rules(planned.replace("2026-11-28", "2026-12-02"))).containsExactly(Rule.DATE_IN_FUTURE.id());
    }

    @Test
    void a_budget_cost_needs_the_budget_and_a_mistyped_value_is_only_a_type_error() {
        assertThat(rules(stay(",\"oneOffPersonalHealthBudget\":true,\"personalHealthBudgetCost\":129.03")))
                .isEmpty();
        assertThat(pointers(stay(",\"personalHealthBudgetCost\":129.03")))
                .containsExactly("/hospitalStay/personalHealthBudgetCost");
        assertThat(rules(stay(",\"oneOffPersonalHealthBudget\":false,\"personalHealthBudgetCost\":0")))
                .containsExactly(Rule.HOSPITAL_DISCHARGE.id());
        // the text "true" is not the boolean: the type is wrong, and the budget counts as not given
        assertThat(rules(stay(",\"oneOffPersonalHealthBudget\":\"true\""))).containsExactly(Rule.TYPE.id());
    }

    @Test
    void the_model_type_reads_what_the_validator_accepts() {
        String json = stay(",\"oneOffPersonalHealthBudget\":true,\"personalHealthBudgetCost\":97.19,"
                + "\"readmissionWithin2Weeks\":\"no\"");
        assertThat(rules(json)).isEmpty();
        assertThat(MessageType.fromResourceType("HospitalDischarge")).contains(MessageType.HOSPITAL_DISCHARGE);
        assertThat(MessageType.HOSPITAL_DISCHARGE.javaType()).isEqualTo(HospitalDischarge.class);
    }
}
