package org.linkway.server.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The checks a service must pass to enter the directory: the Open Referral UK (HSDS 3.0 UK
 * profile) service shape, as far as search and onward referrals rely on it. Written for Linkway
 * from the profile's documentation; it does not replace the ORUK validator, and members it does
 * not know are kept as they came.
 */
final class OrukRules {

    static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Pattern ID = Pattern.compile("[^/?#\\s][^/?#]{0,199}");
    private static final Pattern TIME =
            Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?");
    private static final Set<String> FREQUENCIES = Set.of("WEEKLY", "MONTHLY");
    private static final List<String> ID_ARRAYS = List.of(
            "phones",
            "schedules",
            "service_areas",
            "service_at_locations",
            "languages",
            "funding",
            "cost_options",
            "required_documents",
            "contacts",
            "capacities",
            "attributes",
            "metadata");
    private static final List<String> TEXT = List.of(
            "alternate_name",
            "description",
            "url",
            "email",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
            "organization_id");

    private final String recordId;
    private final List<ImportFinding> findings = new ArrayList<>();

    private OrukRules(String recordId) {
        this.recordId = recordId;
    }

    /** What is wrong with one service of a feed; empty when it may be imported. */
    static List<ImportFinding> check(JsonNode service, int index) {
        String id = service != null && service.path("id").isString()
                ? service.path("id").asString()
                : "#" + index;
        OrukRules rules = new OrukRules(id);
        if (service == null || !service.isObject()) {
            rules.add("$", "type", "a service must be a JSON object");
            return rules.findings;
        }
        rules.service(service);
        return rules.findings;
    }

    private void service(JsonNode s) {
        if (!s.path("id").isString() || !ID.matcher(s.path("id").asString()).matches()) {
            add(
                    "$.id",
                    "required",
                    "a service needs an id: a string of 1 to 200 characters without / ? # or leading space");
        }
        requiredText(s, "$", "name");
        if (requiredText(s, "$", "status")
                && !STATUSES.contains(s.path("status").asString())) {
            add("$.status", "enum", "status must be one of active, inactive, defunct, temporarily closed");
        }
        for (String member : TEXT) {
            optionalText(s, "$", member);
        }
        ages(s);
        if (s.has("organization")) {
            JsonNode org = s.get("organization");
            if (!org.isObject()) {
                add("$.organization", "type", "organization must be an object");
            } else {
                requiredText(org, "$.organization", "id");
                requiredText(org, "$.organization", "name");
            }
        }
        for (String member : ID_ARRAYS) {
            objectsWithIds(s, "$", member);
        }
        JsonNode phones = s.path("phones");
        for (int i = 0; i < phones.size(); i++) {
            requiredText(phones.get(i), "$.phones[" + i + "]", "number");
        }
        schedules(s.path("schedules"), "$.schedules");
        JsonNode contacts = s.path("contacts");
        for (int i = 0; i < contacts.size(); i++) {
            objectsWithIds(contacts.get(i), "$.contacts[" + i + "]", "phones");
        }
        JsonNode attributes = s.path("attributes");
        for (int i = 0; i < attributes.size(); i++) {
            attribute(attributes.get(i), "$.attributes[" + i + "]");
        }
        JsonNode places = s.path("service_at_locations");
        for (int i = 0; i < places.size(); i++) {
            String at = "$.service_at_locations[" + i + "]";
            JsonNode location = places.get(i).path("location");
            if (!location.isMissingNode()) {
                location(location, at + ".location");
            }
            schedules(places.get(i).path("schedules"), at + ".schedules");
        }
    }

    private void ages(JsonNode s) {
        JsonNode min = s.path("minimum_age");
        JsonNode max = s.path("maximum_age");
        boolean minOk = age(min, "minimum_age");
        boolean maxOk = age(max, "maximum_age");
        if (minOk && maxOk && min.isNumber() && max.isNumber() && min.doubleValue() > max.doubleValue()) {
            add("$.minimum_age", "range", "minimum_age is above maximum_age");
        }
    }

    private boolean age(JsonNode age, String member) {
        if (age.isMissingNode() || age.isNull()) {
            return true;
        }
        if (!age.isNumber() || age.doubleValue() < 0 || age.doubleValue() > 150) {
            add("$." + member, "range", member + " must be a number of years from 0 to 150");
            return false;
        }
        return true;
    }

    private void location(JsonNode location, String at) {
        if (!location.isObject()) {
            add(at, "type", "location must be an object");
            return;
        }
        requiredText(location, at, "id");
        JsonNode lat = location.path("latitude");
        JsonNode lon = location.path("longitude");
        boolean hasLat = !lat.isMissingNode() && !lat.isNull();
        boolean hasLon = !lon.isMissingNode() && !lon.isNull();
        if (hasLat != hasLon) {
            add(at + (hasLat ? ".longitude" : ".latitude"), "required", "latitude and longitude come together");
        }
        if (hasLat && (!lat.isNumber() || lat.doubleValue() < -90 || lat.doubleValue() > 90)) {
            add(at + ".latitude", "range", "latitude must be a number of degrees from -90 to 90 (WGS84)");
        }
        if (hasLon && (!lon.isNumber() || lon.doubleValue() < -180 || lon.doubleValue() > 180)) {
            add(at + ".longitude", "range", "longitude must be a number of degrees from -180 to 180 (WGS84)");
        }
        objectsWithIds(location, at, "addresses");
    }

    private void schedules(JsonNode schedules, String at) {
        for (int i = 0; i < schedules.size(); i++) {
            JsonNode schedule = schedules.get(i);
            String here = at + "[" + i + "]";
            for (String member : List.of("opens_at", "closes_at")) {
                JsonNode time = schedule.path(member);
                if (!time.isMissingNode()
                        && !time.isNull()
                        && !(time.isString() && TIME.matcher(time.asString()).matches())) {
                    add(here + "." + member, "format", member + " must be a time of day, HH:MM or HH:MM:SS");
                }
            }
            JsonNode freq = schedule.path("freq");
            if (!freq.isMissingNode() && !freq.isNull() && !FREQUENCIES.contains(freq.asString(""))) {
                add(here + ".freq", "enum", "freq must be WEEKLY or MONTHLY");
            }
        }
    }

    private void attribute(JsonNode attribute, String at) {
        JsonNode term = attribute.path("taxonomy_term");
        if (!term.isMissingNode() && !term.isNull()) {
            if (!term.isObject()) {
                add(at + ".taxonomy_term", "type", "taxonomy_term must be an object");
            } else {
                requiredText(term, at + ".taxonomy_term", "id");
                requiredText(term, at + ".taxonomy_term", "name");
            }
        } else {
            requiredText(attribute, at, "taxonomy_term_id");
        }
    }

    private void objectsWithIds(JsonNode parent, String at, String member) {
        if (!parent.has(member) || parent.get(member).isNull()) {
            return;
        }
        JsonNode items = parent.get(member);
        if (!items.isArray()) {
            add(at + "." + member, "type", member + " must be an array");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                add(at + "." + member + "[" + i + "]", "type", "each of " + member + " must be an object");
            } else {
                requiredText(items.get(i), at + "." + member + "[" + i + "]", "id");
            }
        }
    }

    private boolean requiredText(JsonNode parent, String at, String member) {
        JsonNode value = parent.path(member);
        if (!value.isString() || value.asString().isBlank()) {
            add(at + "." + member, "required", member + " is required and must be a non-empty string");
            return false;
        }
        return true;
    }

    private void optionalText(JsonNode parent, String at, String member) {
        JsonNode value = parent.path(member);
        if (!value.isMissingNode() && !value.isNull() && !value.isString()) {
            add(at + "." + member, "type", member + " must be a string");
        }
    }

    private void add(String path, String rule, String message) {
        findings.add(new ImportFinding(recordId, path, rule, message));
    }
}
