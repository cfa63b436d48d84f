package org.linkway.validation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.PartialDateTime;
import org.linkway.validation.Rule;

/**
 * The rules PRSB's dates imply beyond their format: what has happened is not in the future
 * ({@code LW-DATE-FUTURE}), and nothing recorded about the person is before they were born
 * ({@code LW-DATE-BEFORE-BIRTH}). Start-before-end pairs stay with the record they belong to
 * ({@link PrsbRuleChecks}). One instance per message.
 */
final class DateRules {

    /** Dates are judged in UK time: a referral made at 00:30 in London on the 1st is not in the future. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Findings out;
    /** The latest instant that is not in the future: the validator's clock already carries the skew allowance. */
    private final Clock latest;

    private final LocalDate today;
    private final CharSequence path;

    private PartialDateTime dateOfBirth;
    private String dateOfBirthPointer;
    /** Dates met before the date of birth was, to compare once it is known; most messages give it first. */
    private List<Object[]> waiting;

    DateRules(Findings out, Clock latest, CharSequence path) {
        this.out = out;
        this.latest = latest;
        this.today = LocalDate.now(latest.withZone(UK));
        this.path = path;
    }

    void notInFuture(Spec s, String v) {
        PartialDateTime d = date(v);
        if (d == null) {
            return;
        }
        boolean future = d.dateTime()
                .map(t -> t.toInstant().isAfter(latest.instant()))
                .orElseGet(() -> d.toLocalDate().isAfter(today));
        if (future) {
            add(
                    Rule.DATE_IN_FUTURE,
                    path.toString(),
                    s,
                    s.label(path.toString()) + " is " + v + ", in the future (today is " + today
                            + " in the UK); it records something that has already happened.");
        }
    }

    void dateOfBirth(String v) {
        dateOfBirth = date(v);
        dateOfBirthPointer = path.toString();
        if (dateOfBirth != null && waiting != null) {
            for (Object[] w : waiting) {
                compareWithBirth((String) w[0], (Spec) w[1], (PartialDateTime) w[2]);
            }
            waiting = null;
        }
    }

    /** A date recorded about the person: a referral, a contact, an onset, a plan's update. */
    void recorded(Spec s, String v) {
        PartialDateTime d = date(v);
        if (d == null) {
            return;
        }
        if (dateOfBirth != null) {
            compareWithBirth(path.toString(), s, d);
        } else if (dateOfBirthPointer == null) {
            if (waiting == null) {
                waiting = new ArrayList<>();
            }
            waiting.add(new Object[] {path.toString(), s, d});
        }
    }

    private void compareWithBirth(String pointer, Spec s, PartialDateTime d) {
        // by calendar day as written: a contact at 00:30 on the birthday is not before the birth
        if (d.toLocalDate().isBefore(dateOfBirth.toLocalDate())) {
            add(
                    Rule.DATE_BEFORE_BIRTH,
                    pointer,
                    s,
                    s.label(pointer) + " is " + d + ", before the person's date of birth (" + dateOfBirth + " at "
                            + dateOfBirthPointer + ").");
        }
    }

    static PartialDateTime date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PartialDateTime.parse(value);
        } catch (IllegalArgumentException malformed) {
            return null; // the format is reported where the value is
        }
    }

    private void add(Rule rule, String pointer, Spec at, String message) {
        out.add(rule, rule.severity(), pointer, at == null ? "" : at.nearestPrsbPath, message);
    }
}
