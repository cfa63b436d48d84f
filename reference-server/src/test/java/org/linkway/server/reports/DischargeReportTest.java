package org.linkway.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.server.http.Json;
import tools.jackson.databind.JsonNode;

/** The hospital discharge report's numbers on an invented population whose answers are worked out by hand. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class DischargeReportTest {

    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final YearMonth OCT = YearMonth.of(2026, 10);

    /**
     * September: 6 expedited discharges (3 with bed days recorded, 4 + 5 + 6; 3 from dates, 5, 0
     * and 3 days early) and 5 avoided admissions with none recorded. Readmission at 2 weeks: 5 yes,
     * 5 no, 1 not yet checked; at 3 months: 5 yes, 6 no. Budgets: 5, costing 601.21 in all.
     */
    static List<DischargeStay> september() {
        List<DischargeStay> s = new ArrayList<>();
        String[] r2 = {"yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "no", null};
        String[] r3 = {"yes", "no", "yes", "no", "yes", "no", "yes", "no", "yes", "no", "no"};
        BigDecimal[] cost = {
            new BigDecimal("14.99"),
            new BigDecimal("97.19"),
            new BigDecimal("310"),
            new BigDecimal("129.03"),
            new BigDecimal("50"),
            null,
            null,
            null,
            null,
            null,
            null
        };
        Integer[] recorded = {4, 5, 6, null, null, null, null, null, null, null, null};
        Integer[] early = {null, null, null, 5, 0, 3, null, null, null, null, null};
        for (int i = 0; i < 11; i++) {
            String outcome = i < 6 ? "discharge" : "admission-avoidance";
            s.add(new DischargeStay(SEP, outcome, recorded[i], early[i], cost[i], r2[i], r3[i]));
        }
        return s;
    }

    static JsonNode section(JsonNode report, String id) {
        return report.path("sections")
                .valueStream()
                .filter(t -> id.equals(t.path("id").asString()))
                .findFirst()
                .orElseThrow();
    }

    /** September twice over, so that every count is large enough to be shown (rounded to 5). */
    static List<DischargeStay> septemberTwice() {
        List<DischargeStay> s = new ArrayList<>(september());
        s.addAll(september());
        return s;
    }

    @Test
    void known_population_gives_the_worked_answers() {
        JsonNode r = Json.MAPPER.valueToTree(
                DischargeReport.answer(septemberTwice(), SEP, SEP, DischargeAssumptions.defaults()));
        assertThat(r.path("indicative").asBoolean()).isTrue();
        assertThat(r.at("/assumptions/avoidedAdmissionBedDays").asInt()).isEqualTo(2);
        assertThat(r.at("/suppression/method").asString()).isEqualTo(Suppression.METHOD);
        JsonNode outcome = section(r, "service-outcome");
        JsonNode sep = outcome.path("rows").get(0);
        assertThat(sep.path("month").asString()).isEqualTo("2026-09");
        // 12 and 10, rounded to the nearest 5; the total is the sum of what is shown
        assertThat(sep.at("/cells/discharge").asLong()).isEqualTo(10);
        assertThat(sep.at("/cells/admission-avoidance").asLong()).isEqualTo(10);
        assertThat(sep.at("/cells/other").asLong()).isZero();
        assertThat(sep.path("total").asLong()).isEqualTo(20);
        // twice (15 recorded + 8 from dates + 5 avoided admissions at 2 days)
        assertThat(sep.path("bedDaysSaved").asLong()).isEqualTo(66);
        assertThat(sep.path("estimatedValue").decimalValue()).isEqualByComparingTo("46200.00");
        assertThat(outcome.at("/totals/bedDaysSaved").asLong()).isEqualTo(66);

        JsonNode twoWeeks = section(r, "readmission-2-weeks").path("rows").get(0);
        assertThat(twoWeeks.path("total").asLong()).isEqualTo(20);
        assertThat(twoWeeks.path("rate").decimalValue()).isEqualByComparingTo("0.500");
        // 10 yes and 12 no: the rate is worked from the shown 10 and 10, so it reveals no more than they do
        JsonNode threeMonths = section(r, "readmission-3-months").path("totals");
        assertThat(threeMonths.at("/cells/yes").asLong()).isEqualTo(10);
        assertThat(threeMonths.at("/cells/no").asLong()).isEqualTo(10);
        assertThat(threeMonths.path("rate").decimalValue()).isEqualByComparingTo("0.500");

        JsonNode budgets = section(r, "personal-health-budgets").path("totals");
        assertThat(budgets.path("total").asLong()).isEqualTo(10);
        assertThat(budgets.path("spend").decimalValue()).isEqualByComparingTo("1202.42");
    }

    @Test
    void small_counts_are_suppressed_but_a_sum_over_enough_people_is_shown() {
        JsonNode r =
                Json.MAPPER.valueToTree(DischargeReport.answer(september(), SEP, SEP, DischargeAssumptions.defaults()));
        JsonNode sep = section(r, "service-outcome").path("rows").get(0);
        assertThat(sep.at("/cells/discharge").asString()).isEqualTo(Suppression.SUPPRESSED);
        assertThat(sep.at("/cells/admission-avoidance").asString()).isEqualTo(Suppression.SUPPRESSED);
        assertThat(sep.path("total").asLong()).isZero();
        // 11 people behind the sum: enough
        assertThat(sep.path("bedDaysSaved").asLong()).isEqualTo(33);
        // 5 yes and 5 no, both suppressed: no rate
        assertThat(section(r, "readmission-2-weeks")
                        .path("rows")
                        .get(0)
                        .path("rate")
                        .asString())
                .isEqualTo(Suppression.SUPPRESSED);
        // 5 budgets: too few people to show what they cost
        assertThat(section(r, "personal-health-budgets")
                        .path("totals")
                        .path("spend")
                        .asString())
                .isEqualTo(Suppression.SUPPRESSED);
    }

    @Test
    void the_assumptions_are_the_callers_to_change_and_recorded_days_come_first() {
        DischargeAssumptions a = new DischargeAssumptions(3, new BigDecimal("500"));
        JsonNode r = Json.MAPPER.valueToTree(DischargeReport.answer(september(), SEP, SEP, a));
        JsonNode sep = section(r, "service-outcome").path("rows").get(0);
        // 15 recorded + 8 from dates + 5 x 3
        assertThat(sep.path("bedDaysSaved").asLong()).isEqualTo(38);
        assertThat(sep.path("estimatedValue").decimalValue()).isEqualByComparingTo("19000.00");
        assertThat(r.at("/assumptions/bedDayCost").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void a_small_month_hides_its_counts_and_every_sum_or_rate_behind_a_hidden_count() {
        List<DischargeStay> all = new ArrayList<>(september());
        all.add(new DischargeStay(OCT, "other", 9, null, new BigDecimal("1662"), "yes", null));
        all.add(new DischargeStay(OCT, "discharge", null, 2, null, "no", null));
        JsonNode r = Json.MAPPER.valueToTree(DischargeReport.answer(all, SEP, OCT, DischargeAssumptions.defaults()));
        JsonNode outcome = section(r, "service-outcome");
        JsonNode oct = outcome.path("rows").get(1);
        assertThat(oct.path("month").asString()).isEqualTo("2026-10");
        assertThat(oct.path("total").asLong()).isZero();
        assertThat(oct.path("bedDaysSaved").asString()).isEqualTo("*");
        assertThat(oct.path("estimatedValue").asString()).isEqualTo("*");
        assertThat(oct.at("/cells/other").asString()).isEqualTo("*");
        for (String id :
                List.of("service-outcome", "readmission-2-weeks", "readmission-3-months", "personal-health-budgets")) {
            JsonNode t = section(r, id);
            List<JsonNode> rows = new ArrayList<>();
            t.path("rows").forEach(rows::add);
            rows.add(t.path("totals"));
            for (JsonNode row : rows) {
                for (String sum : List.of("bedDaysSaved", "estimatedValue", "rate", "spend")) {
                    if ("2026-10".equals(row.path("month").asString()) && row.has(sum)) {
                        // a rate over nobody checked yet is null; anything else about October's two stays is hidden
                        assertThat(row.path(sum).isNull()
                                        || "*".equals(row.path(sum).asString()))
                                .as(id + " " + sum + " " + row)
                                .isTrue();
                    }
                }
                // nothing from 1 to 7 is ever published, and what is shown is a multiple of 5
                row.path("cells")
                        .forEach(c -> assertThat(
                                        c.isString() || c.asLong() == 0 || c.asLong() % 5 == 0 && c.asLong() >= 10)
                                .as(id + " " + row)
                                .isTrue());
            }
        }
        // the one budget of October: its 1,662 pounds cannot be read from September's shown spend and the total
        JsonNode budgets = section(r, "personal-health-budgets");
        boolean septemberShown = !budgets.path("rows").get(0).path("spend").isString();
        boolean totalShown = !budgets.path("totals").path("spend").isString();
        assertThat(septemberShown && totalShown).isFalse();
        assertThat(budgets.path("rows").get(1).path("spend").asString()).isEqualTo("*");
    }

    @Test
    void a_stay_is_counted_in_its_discharge_month_else_its_admission_else_when_recorded() {
        Instant made = Instant.parse("2026-11-03T10:00:00Z");
        DischargeStay discharged = DischargeStay.of(
                Json.MAPPER.readTree(
                        "{\"hospitalStay\":{\"serviceOutcome\":\"discharge\",\"admissionDate\":\"2026-08-28\","
                                + "\"plannedDischargeDate\":\"2026-09-10\",\"actualDischargeDate\":\"2026-09-04\"}}"),
                made);
        assertThat(discharged.month()).isEqualTo(SEP);
        assertThat(discharged.bedDaysSaved(DischargeAssumptions.defaults())).isEqualTo(6);
        DischargeStay late = DischargeStay.of(
                Json.MAPPER.readTree("{\"hospitalStay\":{\"serviceOutcome\":\"discharge\","
                        + "\"plannedDischargeDate\":\"2026-09-10\",\"actualDischargeDate\":\"2026-09-14\"}}"),
                made);
        assertThat(late.bedDaysSaved(DischargeAssumptions.defaults())).isZero();
        DischargeStay avoided = DischargeStay.of(
                Json.MAPPER.readTree("{\"hospitalStay\":{\"serviceOutcome\":\"admission-avoidance\","
                        + "\"oneOffPersonalHealthBudget\":true,\"personalHealthBudgetCost\":129.03}}"),
                made);
        assertThat(avoided.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(avoided.budgetCost()).isEqualByComparingTo("129.03");
        assertThat(avoided.bedDaysSaved(new DischargeAssumptions(4, BigDecimal.ONE)))
                .isEqualTo(4);
    }
}
