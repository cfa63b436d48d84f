package org.linkway.server.appointments;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import tools.jackson.databind.JsonNode;

/**
 * A link worker's appointments as an iCalendar (RFC 5545) document, written with ical4j. What
 * goes in is what the link worker's own calendar needs and no more (docs/CALENDAR-FEED.md): the
 * time, the method, the address of a face-to-face session at a venue, the referral's id and the
 * person's initials. Never the NHS number, the full name, the person's home address or the
 * appointment's notes: calendars are synchronised to phones and third-party services.
 */
final class CalendarWriter {

    /** One appointment with what the calendar shows of its person. */
    record Entry(JsonNode appointment, String initials, Instant changedAt) {}

    static final String PRODUCT = "-//Linkway//Link worker appointments//EN";

    private CalendarWriter() {}

    static String write(List<Entry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Entry e : entries) {
            calendar.add(event(e));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Entry e) {
        JsonNode a = e.appointment();
        String method = a.path("method").asString();
        String referralId = a.path("referralId").asString();
        String summary = "Link worker session: " + e.initials() + " (" + words(method) + ")";
        VEvent event = new VEvent(
                Instant.parse(a.path("start").asString()),
                Instant.parse(a.path("end").asString()),
                summary);
        event.add(new Uid(uid(a.path("id").asString())));
        event.add(new Sequence(a.path("sequence").asInt()));
        event.add(new DtStamp(e.changedAt()));
        String status = a.path("status").asString();
        event.add("cancelled".equals(status) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if ("face-to-face".equals(method) && a.hasNonNull("address")) {
            event.add(new Location(a.path("address").asString()));
        } else if ("home-visit".equals(method)) {
            event.add(new Location("Home visit (address in the referral)"));
        }
        String outcome = switch (status) {
            case "attended" -> " Attended.";
            case "did-not-attend" -> " Did not attend.";
            case "cancelled" -> " Cancelled.";
            default -> "";
        };
        event.add(new Description("Referral " + referralId + ", " + words(method) + "." + outcome));
        return event;
    }

    /** Stable for the appointment's life, so a calendar updates the event rather than adding another. */
    static String uid(String appointmentId) {
        return appointmentId + "@appointments.linkway";
    }

    private static String words(String method) {
        return method.replace('-', ' ').toLowerCase(Locale.ROOT);
    }

    /** The person's initials from the referral's PRSB name: first letters of the first given name and the family name. */
    static String initials(JsonNode referral) {
        JsonNode name = referral.path("personDemographics").path("name");
        String first = name.path("firstNames").path(0).asString("");
        String family = name.path("familyNames").path(0).asString("");
        String out = (first.isBlank() ? "" : first.strip().substring(0, 1))
                + (family.isBlank() ? "" : family.strip().substring(0, 1));
        return out.isEmpty() ? "?" : out.toUpperCase(Locale.ROOT);
    }
}
