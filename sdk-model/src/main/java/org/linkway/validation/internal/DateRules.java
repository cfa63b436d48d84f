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

    /** Further than this from today, a date-time's own day decides, whatever its offset. */
    private static final int CLEAR_DAYS = 2;

    private final Findings out;
    /** The latest instant that is not in the future: the validator's clock already carries the skew allowance. */
    private final Clock latest;

    private final LocalDate today;
    /**
     * Today, and the days beyond which a date-time is clearly past or future, as yyyy-MM-dd. The
     * schema's pattern has fixed that form, in which text order is time order, so most dates are
     * judged without being parsed (a full referral holds a dozen; parsing each cost more than the
     * rest of the rules together).
     */
    private final String todayText;

    private final String clearlyPast;
    private final String clearlyFuture;
    private final CharSequence path;

    /** The date of birth's day (yyyy-MM-dd), once read and well formed. */
    private String dateOfBirth;

    private String dateOfBirthPointer;
    /** Dates met before the date of birth was (pointer, spec, value), to compare once it is known; most messages give it first. */
    private List<Object[]> waiting;

    DateRules(Findings out, Clock latest, CharSequence path) {
        this.out = out;
        this.latest = latest;
        this.today = LocalDate.now(latest.withZone(UK));
        Days days = Days.of(today);
        this.todayText = days.today;
        this.clearlyPast = days.clearlyPast;
        this.clearlyFuture = days.clearlyFuture;
        this.path = path;
    }

    /** Today's texts, kept from one message to the next: the day changes once a day, messages do thousands of times a second. */
    private record Days(LocalDate date, String today, String clearlyPast, String clearlyFuture) {

        private static volatile Days last = compute(LocalDate.EPOCH);

        static Days of(LocalDate today) {
            Days d = last;
            if (!d.date.equals(today)) {
                d = compute(today);
                last = d;
            }
            return d;
        }

        private static Days compute(LocalDate today) {
            return new Days(
                    today,
                    today.toString(),
                    today.minusDays(CLEAR_DAYS).toString(),
                    today.plusDays(CLEAR_DAYS).toString());
        }
    }

    void notInFuture(Spec s, String v) {
        if (!wellFormed(v)) {
            return;
        }
        boolean future;
        if (v.length() == 10) {
            future = compareDays(v, todayText) > 0;
        } else if (compareDays(v, clearlyPast) < 0) {
            future = false;
        } else if (compareDays(v, clearlyFuture) > 0) {
            future = true;
        } else {
            PartialDateTime d = date(v);
            future = d != null
                    && d.dateTime()
                            .map(t -> t.toInstant().isAfter(latest.instant()))
                            .orElse(false);
        }
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
        dateOfBirthPointer = path.toString();
        if (!wellFormed(v)) {
            waiting = null;
            return;
        }
        dateOfBirth = v.substring(0, 10);
        if (waiting != null) {
            for (Object[] w : waiting) {
                compareWithBirth((String) w[0], (Spec) w[1], (String) w[2]);
            }
            waiting = null;
        }
    }

    /** A date recorded about the person: a referral, a contact, an onset, a plan's update. */
    void recorded(Spec s, String v) {
        if (!wellFormed(v)) {
            return;
        }
        if (dateOfBirth != null) {
            if (compareDays(v, dateOfBirth) < 0) {
                compareWithBirth(path.toString(), s, v);
            }
        } else if (dateOfBirthPointer == null) {
            if (waiting == null) {
                waiting = new ArrayList<>();
            }
            waiting.add(new Object[] {path.toString(), s, v});
        }
    }

    private void compareWithBirth(String pointer, Spec s, String v) {
        // by calendar day as written: a contact at 00:30 on the birthday is not before the birth
        if (compareDays(v, dateOfBirth) < 0) {
            add(
                    Rule.DATE_BEFORE_BIRTH,
                    pointer,
                    s,
                    s.label(pointer) + " is " + v + ", before the person's date of birth (" + dateOfBirth + " at "
                            + dateOfBirthPointer + ").");
        }
    }

    /** Compares the yyyy-MM-dd days two well-formed values start with. */
    private static int compareDays(String a, String b) {
        for (int i = 0; i < 10; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /**
     * The rules run only on values that passed the schema's checks (the {@code DateOrDateTime}
     * pattern, or {@code format: date}), so a value starts with yyyy-MM-dd; this guards the text
     * comparisons should a rule ever be hooked elsewhere.
     */
    private static boolean wellFormed(String v) {
        return v != null && v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-';
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
