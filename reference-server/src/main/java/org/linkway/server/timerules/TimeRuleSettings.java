package org.linkway.server.timerules;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the time rules run.
 *
 * @param bankHolidays the bank-holiday file working days skip; null: England and Wales as shipped
 * @param sweepEvery   how often the server looks for rules fallen due (and once at start); null:
 *                     never by itself, only when asked ({@code LinkwayServer.sweepTimeRules}), which
 *                     is what tests use with a clock they move
 */
public record TimeRuleSettings(Path bankHolidays, Duration sweepEvery) {

    public static final Duration DEFAULT_SWEEP = Duration.ofMinutes(1);

    /** England and Wales bank holidays, a sweep a minute. */
    public static final TimeRuleSettings DEFAULTS = new TimeRuleSettings(null, DEFAULT_SWEEP);

    /** No sweeps of its own: a test sweeps when it has moved its clock. */
    public static final TimeRuleSettings MANUAL = new TimeRuleSettings(null, null);

    /** The working days these settings describe; reads the file now, so a bad one stops the start. */
    public WorkingDays workingDays() {
        return bankHolidays == null ? BankHolidays.shipped() : BankHolidays.read(bankHolidays);
    }

    public TimeRuleSettings sweepingEvery(Duration interval) {
        return new TimeRuleSettings(bankHolidays, interval);
    }
}
