package org.linkway.server.appointments;

import java.time.Duration;

/**
 * How appointment reminders are raised.
 *
 * @param reminderLead  how long before an appointment's start its {@code appointment.reminder} event is raised
 * @param sweepInterval how often the sweeper looks for reminders that have fallen due
 */
public record AppointmentSettings(Duration reminderLead, Duration sweepInterval) {

    public static final AppointmentSettings DEFAULTS =
            new AppointmentSettings(Duration.ofHours(24), Duration.ofMinutes(1));

    public AppointmentSettings {
        if (reminderLead == null || reminderLead.isNegative() || reminderLead.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalStateException("the reminder lead time must be from 0 to 30 days, not " + reminderLead);
        }
        if (sweepInterval == null || sweepInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException(
                    "the reminder sweep interval must be at least a second, not " + sweepInterval);
        }
    }
}
