package org.linkway.server.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a caller may say about an appointment (booking it, or changing it), checked rule by rule:
 * every rule broken is a finding naming the member ({@code /start}) and the rule
 * ({@code LW-APPOINTMENT-*}), all of them in one 422 answer, and nothing is written.
 */
final class AppointmentRequest {

    /** The members a caller sends; everything else in a stored appointment is the server's. */
    static final List<String> MEMBERS =
            List.of("start", "end", "durationMinutes", "method", "address", "linkWorker", "notes");

    static final Set<String> SERVER_ASSIGNED = Set.of(
            "id",
            "referralId",
            "status",
            "sequence",
            "consultationMethod",
            "locationType",
            "cancellation",
            "outcome",
            "bookedBy");

    /**
     * The methods, each with its NHS Data Dictionary consultation mechanism (the PRSB element
     * Contacts with professionals / Consultation method) and, for a home visit, its activity
     * location type (Location type).
     */
    record Method(String consultationMethod, String locationType, boolean needsAddress) {}

    static final Map<String, Method> METHODS = Map.of(
            "face-to-face", new Method("01", null, true),
            "telephone", new Method("02", null, false),
            "video", new Method("11", null, false),
            "home-visit", new Method("01", "A01", false));

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 8 * 60;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NOTES = 2000;
    static final int MAX_LINK_WORKER = 256;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** A request that keeps every rule. */
    record Valid(Instant start, Instant end, String method, String address, String linkWorker, String notes) {

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }

        /** The stored form's members the caller gave, with what the server derives from them. */
        void writeInto(ObjectNode doc) {
            doc.put("start", start.toString());
            doc.put("end", end.toString());
            doc.put("durationMinutes", minutes());
            doc.put("method", method);
            Method m = METHODS.get(method);
            doc.put("consultationMethod", m.consultationMethod());
            if (m.locationType() != null) {
                doc.put("locationType", m.locationType());
            } else {
                doc.remove("locationType");
            }
            put(doc, "address", address);
            doc.put("linkWorker", linkWorker);
            put(doc, "notes", notes);
        }

        private static void put(ObjectNode doc, String name, String value) {
            if (value == null) {
                doc.remove(name);
            } else {
                doc.put(name, value);
            }
        }
    }

    private AppointmentRequest() {}

    /** A booking: {@code start}, {@code end} or {@code durationMinutes}, {@code method}; the link worker defaults to the caller. */
    static Valid booking(JsonNode body, String caller) {
        List<Finding> findings = new ArrayList<>();
        unknownMembers(body, findings);
        return check(body, caller, findings);
    }

    /**
     * A change to a booked appointment: the members sent replace the stored ones. A new start
     * without a new end or duration keeps the duration; a new duration replaces the end.
     */
    static Valid change(JsonNode patch, JsonNode stored) {
        List<Finding> findings = new ArrayList<>();
        unknownMembers(patch, findings);
        ObjectNode merged = ((ObjectNode) stored).deepCopy();
        merged.retain(MEMBERS);
        if (patch.has("durationMinutes") || patch.has("end")) {
            merged.remove("end");
            merged.remove("durationMinutes");
        } else if (patch.has("start")) {
            merged.remove("end"); // the duration stays
        } else {
            merged.remove("durationMinutes"); // the end stays
        }
        patch.properties().forEach(e -> {
            if (MEMBERS.contains(e.getKey())) {
                if (e.getValue().isNull()) {
                    merged.remove(e.getKey());
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            }
        });
        return check(merged, stored.path("linkWorker").asString(""), findings);
    }

    private static void unknownMembers(JsonNode body, List<Finding> findings) {
        body.propertyNames().forEach(name -> {
            if (SERVER_ASSIGNED.contains(name)) {
                findings.add(finding(
                        "LW-APPOINTMENT-SERVER-ASSIGNED", "/" + name, "'" + name + "' is set by the server, not sent"));
            } else if (!MEMBERS.contains(name)) {
                findings.add(finding(
                        "LW-APPOINTMENT-UNKNOWN-MEMBER",
                        "/" + name,
                        "'" + name + "' is not a member of an appointment; the members are " + MEMBERS));
            }
        });
    }

    private static Valid check(JsonNode body, String defaultLinkWorker, List<Finding> findings) {
        Instant start = instant(body, "start", true, findings);
        Instant end = instant(body, "end", false, findings);
        JsonNode duration = body.path("durationMinutes");
        if (end != null && body.has("durationMinutes")) {
            findings.add(
                    finding("LW-APPOINTMENT-END", "/durationMinutes", "give 'end' or 'durationMinutes', not both"));
        } else if (end == null && !body.has("end")) {
            if (duration.isMissingNode()) {
                findings.add(finding("LW-APPOINTMENT-END", "/end", "'end' or 'durationMinutes' is required"));
            } else if (!duration.isIntegralNumber()
                    || !duration.canConvertToInt()
                    || duration.asInt() < MIN_MINUTES
                    || duration.asInt() > MAX_MINUTES) {
                findings.add(finding(
                        "LW-APPOINTMENT-DURATION",
                        "/durationMinutes",
                        "'durationMinutes' must be a whole number from " + MIN_MINUTES + " to " + MAX_MINUTES));
            } else if (start != null) {
                end = start.plus(duration.asInt(), ChronoUnit.MINUTES);
            }
        }
        if (start != null && end != null && body.has("end")) {
            long minutes = Duration.between(start, end).toMinutes();
            if (!end.isAfter(start)) {
                findings.add(finding("LW-APPOINTMENT-END", "/end", "'end' must be after 'start'"));
            } else if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
                findings.add(finding(
                        "LW-APPOINTMENT-DURATION",
                        "/end",
                        "an appointment lasts from " + MIN_MINUTES + " minutes to " + MAX_MINUTES / 60
                                + " hours; this one is " + minutes + " minutes"));
            }
        }
        String method = text(body, "method", 32, true, "LW-APPOINTMENT-METHOD", findings);
        if (method != null && !METHODS.containsKey(method)) {
            findings.add(finding(
                    "LW-APPOINTMENT-METHOD",
                    "/method",
                    "'" + method + "' is not a method; use one of "
                            + METHODS.keySet().stream().sorted().toList()));
            method = null;
        }
        String address = text(body, "address", MAX_ADDRESS, false, "LW-APPOINTMENT-ADDRESS", findings);
        if (method != null && METHODS.get(method).needsAddress() && address == null && !body.has("address")) {
            findings.add(finding(
                    "LW-APPOINTMENT-ADDRESS",
                    "/address",
                    "a face-to-face appointment needs the 'address' it is held at"));
        }
        String linkWorker = text(body, "linkWorker", MAX_LINK_WORKER, false, "LW-APPOINTMENT-LINK-WORKER", findings);
        String notes = text(body, "notes", MAX_NOTES, false, "LW-APPOINTMENT-NOTES", findings);
        if (!findings.isEmpty()) {
            throw invalid(findings);
        }
        return new Valid(start, end, method, address, linkWorker == null ? defaultLinkWorker : linkWorker, notes);
    }

    static ApiProblem invalid(List<Finding> findings) {
        return new ApiProblem(
                ProblemType.INVALID_APPOINTMENT,
                findings.size() + " problem(s): " + findings.get(0).message(),
                findings);
    }

    private static Instant instant(JsonNode body, String name, boolean required, List<Finding> findings) {
        JsonNode n = body.path(name);
        String rule = "LW-APPOINTMENT-" + name.toUpperCase(java.util.Locale.ROOT);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                findings.add(finding(rule, "/" + name, "'" + name + "' is required"));
            }
            return null;
        }
        String explain = "'" + name + "' must be a date and time with its offset, e.g. 2027-01-14T10:30:00Z";
        if (!n.isString()) {
            findings.add(finding(rule, "/" + name, explain));
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(n.asString()).toInstant();
            if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
                findings.add(finding(rule, "/" + name, "'" + name + "' must be in this century (2000 to 2099)"));
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            findings.add(finding(rule, "/" + name, explain));
            return null;
        }
    }

    private static String text(
            JsonNode body, String name, int max, boolean required, String rule, List<Finding> findings) {
        JsonNode n = body.path(name);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                findings.add(finding(rule, "/" + name, "'" + name + "' is required"));
            }
            return null;
        }
        if (!n.isString() || n.asString().isBlank()) {
            findings.add(finding(rule, "/" + name, "'" + name + "' must be text that is not blank"));
            return null;
        }
        if (n.asString().length() > max) {
            findings.add(finding(
                    rule,
                    "/" + name,
                    "'" + name + "' is " + n.asString().length() + " characters; at most " + max + " are allowed"));
            return null;
        }
        return n.asString().strip();
    }

    static Finding finding(String rule, String pointer, String message) {
        return new Finding(Severity.ERROR, rule, pointer, "", message);
    }
}
