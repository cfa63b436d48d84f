package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB dates that record what has already happened are never after now (plus the skew allowed),
 * anything at or before now passes, and nothing about the person is before their birth.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DateRuleProperties {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration SKEW = MessageValidator.DEFAULT_CLOCK_SKEW;
    private static final LocalDate UK_TODAY =
            NOW.plus(SKEW).atZone(ZoneId.of("Europe/London")).toLocalDate();

    private final MessageValidator validator =
            MessageValidator.builder().clock(CLOCK).build();

    /** A never-future element: the example it is put in, and where. Every PRSB date that records the past. */
    record Place(String example, String pointer) {
        /** The date of birth is a date (PRSB type date); every other is a date or a date-time. */
        boolean isDateOnly() {
            return pointer.endsWith("/dateOfBirth");
        }

        @Override
        public String toString() {
            return example + pointer;
        }
    }

    static final List<Place> NEVER_FUTURE = List.of(
            new Place("referral--full-gp-loneliness.json", "/personDemographics/dateOfBirth"),
            new Place("referral--full-gp-loneliness.json", "/referralDetails/entries/0/date"),
            new Place("referral--full-gp-loneliness.json", "/problemList/entries/0/onsetDate"),
            new Place("referral--full-gp-loneliness.json", "/problemList/entries/4/endDate"),
            new Place("referral--full-gp-loneliness.json", "/socialContext/smokingStatus/dateStoppedSmoking/date"),
            new Place(
                    "referral--minimal-self-referral.json",
                    "/safeguarding/safeguardingConcerns/0/safeguardingConcernsDate"),
            new Place(
                    "referral--minimal-self-referral.json",
                    "/safeguarding/safeguardingConcerns/0/safeguardingConcernsEndDate"),
            new Place(
                    "referral--minimal-self-referral.json", "/safeguarding/lookedAfterChild/lookedAfterChildStartDate"),
            new Place("referral--minimal-self-referral.json", "/safeguarding/lookedAfterChild/lookedAfterChildEndDate"),
            new Place(
                    "message-back--completed-with-outcomes.json",
                    "/contactsWithProfessionals/entries/0/dateAndTimeOfContact"),
            new Place("message-back--completed-with-outcomes.json", "/signpostDetails/entries/0/date"),
            new Place("message-back--completed-with-outcomes.json", "/risks/entries/1/endDateOfRisk"),
            new Place("message-back--completed-with-outcomes.json", "/careAndSupportPlan/dateThisPlanWasLastUpdated"),
            new Place("care-plan--goals-and-actions.json", "/careAndSupportPlan/dateThisPlanWasLastUpdated"),
            new Place(
                    "care-plan--goals-and-actions.json",
                    "/careAndSupportPlan/needsConcernsOrProblems/0/goalsAndHopes/0/actionsAndActivities/0/dateLastUpdated"),
            new Place("consent--given-gp-and-provider.json", "/recordedAt"),
            new Place("assessment--ons4-baseline.json", "/administeredAt"),
            new Place("message-back--declined.json", "/sentAt"));

    /** Planned or possibly future dates: never LW-DATE-FUTURE, however far ahead. */
    static final List<Place> MAY_BE_FUTURE = List.of(
            new Place("message-back--completed-with-outcomes.json", "/careAndSupportPlan/plannedReviewDate"),
            new Place(
                    "care-plan--goals-and-actions.json",
                    "/careAndSupportPlan/needsConcernsOrProblems/0/goalsAndHopes/0/actionsAndActivities/0/reviewDate"),
            new Place(
                    "care-plan--goals-and-actions.json",
                    "/careAndSupportPlan/needsConcernsOrProblems/0/goalsAndHopes/0/actionsAndActivities/0/when"),
            new Place("referral--minimal-self-referral.json", "/pregnancyStatus/expectedDeliveryDate"),
            new Place("referral--minimal-self-referral.json", "/risks/entries/0/startDateOfRisk"));

    @Test
    void a_date_after_now_and_the_skew_is_in_the_future_on_every_element_that_records_the_past() {
        qt().withFixedSeed(17_101L)
                .withExamples(600)
                .forAll(
                        integers().between(0, NEVER_FUTURE.size() - 1),
                        longs().between(1, 200L * 365 * 86_400),
                        booleans().all())
                .checkAssert((i, secondsAhead, dateOnly) -> {
                    Place place = NEVER_FUTURE.get(i);
                    String value = dateOnly || place.isDateOnly()
                            ? UK_TODAY.plusDays(1 + secondsAhead / 86_400).toString()
                            : NOW.plus(SKEW).plusSeconds(secondsAhead).toString();
                    ValidationResult result = validator.validate(with(place, value));
                    assertThat(result.findings())
                            .as("%s = %s: %s", place, value, result)
                            .extracting(Finding::ruleId, Finding::pointer)
                            .contains(Tuple.tuple("LW-DATE-FUTURE", place.pointer()));
                    assertThat(result.findings())
                            .filteredOn(f -> f.ruleId().equals("LW-DATE-FUTURE"))
                            .allSatisfy(f -> assertThat(f.prsbPath()).isNotNull());
                });
    }

    @Test
    void a_date_at_or_before_now_and_the_skew_is_never_in_the_future() {
        qt().withFixedSeed(17_102L)
                .withExamples(600)
                .forAll(
                        integers().between(0, NEVER_FUTURE.size() - 1),
                        longs().between(0, 100L * 365 * 86_400),
                        booleans().all())
                .checkAssert((i, secondsBack, dateOnly) -> {
                    Place place = NEVER_FUTURE.get(i);
                    String value = dateOnly || place.isDateOnly()
                            ? UK_TODAY.minusDays(secondsBack / 86_400).toString()
                            : NOW.plus(SKEW)
                                    .minusSeconds(secondsBack)
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .toString();
                    ValidationResult result = validator.validate(with(place, value));
                    assertThat(result.findings())
                            .as("%s = %s: %s", place, value, result)
                            .extracting(Finding::ruleId)
                            .doesNotContain("LW-DATE-FUTURE");
                });
    }

    @Test
    void planned_dates_may_be_in_the_future() {
        qt().withFixedSeed(17_103L)
                .withExamples(200)
                .forAll(integers().between(0, MAY_BE_FUTURE.size() - 1), longs().between(1, 50L * 365))
                .checkAssert((i, daysAhead) -> {
                    Place place = MAY_BE_FUTURE.get(i);
                    ValidationResult result = validator.validate(
                            with(place, UK_TODAY.plusDays(daysAhead).toString()));
                    assertThat(result.findings()).as("%s: %s", place, result).isEmpty();
                });
    }

    @Test
    void nothing_recorded_about_the_person_is_before_their_birth_wherever_the_birth_comes_in_the_message() {
        qt().withFixedSeed(17_104L)
                .withExamples(400)
                .forAll(
                        longs().between(0, 36_000),
                        longs().between(0, 36_000),
                        booleans().all())
                .checkAssert((bornDaysAgo, referredDaysAgo, birthLast) -> {
                    LocalDate born = UK_TODAY.minusDays(bornDaysAgo);
                    LocalDate referred = UK_TODAY.minusDays(referredDaysAgo);
                    ObjectNode m = Fixtures.minimalReferral();
                    ObjectNode person = (ObjectNode) m.get("personDemographics");
                    person.put("dateOfBirth", born.toString());
                    ((ObjectNode) m.at("/referralDetails/entries/0")).put("date", referred.toString());
                    if (birthLast) {
                        // the person after the referral details: the birth is read last
                        m.remove("personDemographics");
                        m.set("personDemographics", person);
                    }
                    ValidationResult result = validator.validate(m.toString());
                    if (referred.isBefore(born)) {
                        assertThat(result.findings())
                                .as(result.toString())
                                .extracting(Finding::ruleId, Finding::pointer, Finding::prsbPath)
                                .containsExactly(Tuple.tuple(
                                        "LW-DATE-BEFORE-BIRTH",
                                        "/referralDetails/entries/0/date",
                                        "Referral details / Referral details record entry / Date"));
                    } else {
                        assertThat(result.findings()).as(result.toString()).isEmpty();
                    }
                });
    }

    @Test
    void an_end_before_its_start_is_out_of_order() {
        qt().withFixedSeed(17_105L)
                .withExamples(300)
                .forAll(
                        longs().between(0, 10_000),
                        longs().between(0, 10_000),
                        booleans().all())
                .checkAssert((startDaysAgo, endDaysAgo, problem) -> {
                    LocalDate start = UK_TODAY.minusDays(1 + startDaysAgo);
                    LocalDate end = UK_TODAY.minusDays(1 + endDaysAgo);
                    ObjectNode m = Fixtures.minimalReferral();
                    ((ObjectNode) m.get("personDemographics")).put("dateOfBirth", "1950-01-01");
                    String at;
                    if (problem) {
                        ObjectNode entry =
                                m.putObject("problemList").putArray("entries").addObject();
                        entry.putObject("problem").put("text", "Low mood");
                        entry.put("onsetDate", start.toString()).put("endDate", end.toString());
                        at = "/problemList/entries/0/endDate";
                    } else {
                        ((ObjectNode) m.at("/risks/entries/0"))
                                .put("startDateOfRisk", start.toString())
                                .put("endDateOfRisk", end.toString());
                        at = "/risks/entries/0/endDateOfRisk";
                    }
                    ValidationResult result = validator.validate(m.toString());
                    if (end.isBefore(start)) {
                        assertThat(result.findings())
                                .as(result.toString())
                                .extracting(Finding::ruleId, Finding::pointer)
                                .containsExactly(Tuple.tuple("LW-DATE-ORDER", at));
                    } else {
                        assertThat(result.findings()).as(result.toString()).isEmpty();
                    }
                });
    }

    private static String with(Place place, String value) {
        ObjectNode m = example(place.example());
        if (place.pointer().startsWith("/safeguarding/safeguardingConcerns/0/")) {
            m.putObject("safeguarding").putArray("safeguardingConcerns").addObject();
        }
        int cut = place.pointer().lastIndexOf('/');
        String parentPointer = place.pointer().substring(0, cut);
        ObjectNode parent = m.at(parentPointer) instanceof ObjectNode o ? o : m.withObject(parentPointer);
        parent.put(place.pointer().substring(cut + 1), value);
        return m.toString();
    }

    private static ObjectNode example(String name) {
        try {
            return (ObjectNode) LinkwayJson.mapper()
                    .readTree(Files.readAllBytes(
                            Path.of("../schemas/examples/valid").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
