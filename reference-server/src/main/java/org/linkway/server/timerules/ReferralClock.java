package org.linkway.server.timerules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkway.server.http.Json;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.JsonNode;

/**
 * When each of a referral's time rules falls due, from the clinical dates its records carry (the
 * referral's date, the date and time of each contact, the care plan's review date), never from
 * when a record was typed in unless it carries no date. Pure: the same records and rules give
 * the same due dates.
 *
 * <p>A rule is due by the end of its due date in England (Europe/London); it is overdue from the
 * first instant of the next day, the instant {@link Due#dueAt()} names.
 */
public final class ReferralClock {

    /** Days are counted in England's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /**
     * One rule's deadline for one referral.
     *
     * @param rule    {@code first-contact}, {@code follow-up} or {@code review}
     * @param dueDate the last day it may be met on
     * @param dueAt   the first instant it is overdue
     * @param from    the date it counts from (receipt, the last contact, the review date)
     * @param met     whether what it asks for has happened
     */
    public record Due(String rule, LocalDate dueDate, Instant dueAt, LocalDate from, boolean met, TimeRules.Rule of) {
        public boolean overdueAt(Instant now) {
            return !met && !now.isBefore(dueAt);
        }
    }

    private final WorkingDays workingDays;

    public ReferralClock(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /**
     * The deadlines of an open referral under these rules; disabled rules and rules with nothing to
     * count from (no contact yet, no care plan review date) have none.
     *
     * @param contacts its contact records
     * @param carePlan its current care plan, if any
     */
    public List<Due> deadlines(
            StoredResource referral,
            List<StoredResource> contacts,
            Optional<StoredResource> carePlan,
            TimeRules rules) {
        List<Due> out = new ArrayList<>();
        JsonNode doc = Json.MAPPER.readTree(referral.body());
        LocalDate receipt = day(doc.path("referralDetails")
                        .path("entries")
                        .path(0)
                        .path("date"))
                .orElse(referral.createdAt().atZone(ZONE).toLocalDate());
        Optional<LocalDate> firstMade = Optional.empty();
        Optional<LocalDate> lastMade = Optional.empty();
        for (StoredResource c : contacts) {
            JsonNode record = Json.MAPPER.readTree(c.body());
            String attempt = record.path("attempt").asString("made-contact");
            if (!"made-contact".equals(attempt)) {
                continue; // an attempt that did not reach the person is not a contact
            }
            LocalDate on = day(record.path("contact").path("dateAndTimeOfContact"))
                    .orElse(c.createdAt().atZone(ZONE).toLocalDate());
            firstMade = Optional.of(firstMade.filter(f -> f.isBefore(on)).orElse(on));
            lastMade = Optional.of(lastMade.filter(l -> l.isAfter(on)).orElse(on));
        }
        if (rules.firstContact().enabled()) {
            out.add(due("first-contact", receipt, rules.firstContact(), firstMade.isPresent()));
        }
        if (rules.followUp().enabled() && lastMade.isPresent()) {
            out.add(due("follow-up", lastMade.get(), rules.followUp(), false));
        }
        if (rules.review().enabled() && carePlan.isPresent()) {
            JsonNode plan = Json.MAPPER.readTree(carePlan.get().body()).path("careAndSupportPlan");
            Optional<LocalDate> reviewOn = day(plan.path("plannedReviewDate"));
            if (reviewOn.isPresent()) {
                // a plan agreed again on or after its review date has been reviewed
                boolean reviewed = day(plan.path("dateThisPlanWasLastUpdated"))
                        .map(updated -> !updated.isBefore(reviewOn.get()))
                        .orElse(false);
                out.add(due("review", reviewOn.get(), rules.review(), reviewed));
            }
        }
        return out;
    }

    private Due due(String name, LocalDate from, TimeRules.Rule rule, boolean met) {
        LocalDate dueDate = rule.unit() == TimeRules.Unit.WORKING_DAYS
                ? workingDays.plus(from, rule.within())
                : from.plusDays(rule.within());
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(ZONE).toInstant();
        return new Due(name, dueDate, dueAt, from, met, rule);
    }

    /** A date or date-time as England's calendar day; empty if absent or unreadable. */
    static Optional<LocalDate> day(JsonNode value) {
        if (value == null || !value.isString()) {
            return Optional.empty();
        }
        String text = value.asString();
        try {
            if (text.length() <= 10) {
                return Optional.of(LocalDate.parse(text));
            }
            return Optional.of(
                    OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
