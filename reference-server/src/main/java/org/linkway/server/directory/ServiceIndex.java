package org.linkway.server.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What search reads from one ORUK service: its words, age range, places and taxonomy terms. */
record ServiceIndex(String name, String text, Double minAge, Double maxAge, List<Point> places, Set<String> terms) {

    static ServiceIndex of(JsonNode service) {
        StringBuilder text = new StringBuilder();
        for (String member : List.of("name", "alternate_name", "description", "eligibility_description")) {
            append(text, service.path(member));
        }
        append(text, service.path("organization").path("name"));
        Set<String> terms = new LinkedHashSet<>();
        for (JsonNode attribute : service.path("attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            addTerm(terms, attribute.path("taxonomy_term_id"));
            addTerm(terms, term.path("id"));
            addTerm(terms, term.path("code"));
            addTerm(terms, term.path("name"));
            append(text, term.path("name"));
        }
        List<Point> places = new ArrayList<>();
        for (JsonNode at : service.path("service_at_locations")) {
            JsonNode location = at.path("location");
            if (location.path("latitude").isNumber()
                    && location.path("longitude").isNumber()) {
                places.add(new Point(
                        location.path("latitude").doubleValue(),
                        location.path("longitude").doubleValue()));
            }
        }
        return new ServiceIndex(
                service.path("name").asString(),
                text.toString().toLowerCase(Locale.ROOT),
                number(service.path("minimum_age")),
                number(service.path("maximum_age")),
                places,
                terms);
    }

    /** The spelling search compares a term in: trimmed, lower case. */
    static String term(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static void addTerm(Set<String> terms, JsonNode value) {
        if (value.isString() && !value.asString().isBlank()) {
            terms.add(term(value.asString()));
        }
    }

    private static void append(StringBuilder text, JsonNode value) {
        if (value.isString()) {
            text.append(' ').append(value.asString());
        }
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.doubleValue() : null;
    }
}
