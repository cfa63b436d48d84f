package org.linkway.conformance.internal.suite;

import java.util.List;
import java.util.Set;
import org.linkway.conformance.internal.Ctx;
import tools.jackson.databind.JsonNode;

/** The ORUK service shape as the directory profile checks it: required members, types, ranges, nested ids. */
final class OrukShape {

    private static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final List<String> ARRAYS =
            List.of("phones", "schedules", "service_at_locations", "contacts", "attributes", "languages");

    private OrukShape() {}

    static void service(Ctx ctx, String id, JsonNode s) {
        ctx.check(s.isObject(), "service %s is not a JSON object", id);
        ctx.check(id.equals(s.path("id").asString(null)), "service %s reads back with id %s", id, s.path("id"));
        text(ctx, id, s, "$", "name");
        ctx.check(
                STATUSES.contains(s.path("status").asString("")),
                "service %s: status %s is not active, inactive, defunct or temporarily closed",
                id,
                s.path("status"));
        for (String age : List.of("minimum_age", "maximum_age")) {
            JsonNode v = s.path(age);
            ctx.check(
                    v.isMissingNode() || v.isNull() || (v.isNumber() && v.asDouble() >= 0),
                    "service %s: %s must be a number of years",
                    id,
                    age);
        }
        if (s.has("organization") && !s.get("organization").isNull()) {
            text(ctx, id, s.get("organization"), "$.organization", "id");
            text(ctx, id, s.get("organization"), "$.organization", "name");
        }
        for (String member : ARRAYS) {
            JsonNode items = s.path(member);
            if (items.isMissingNode() || items.isNull()) {
                continue;
            }
            ctx.check(items.isArray(), "service %s: %s must be an array", id, member);
            for (int i = 0; i < items.size(); i++) {
                text(ctx, id, items.get(i), "$." + member + "[" + i + "]", "id");
            }
        }
        JsonNode places = s.path("service_at_locations");
        for (int i = 0; i < places.size(); i++) {
            JsonNode location = places.get(i).path("location");
            if (location.isObject()) {
                coordinate(
                        ctx, id, location.path("latitude"), "$.service_at_locations[" + i + "].location.latitude", 90);
                coordinate(
                        ctx,
                        id,
                        location.path("longitude"),
                        "$.service_at_locations[" + i + "].location.longitude",
                        180);
            }
        }
        JsonNode phones = s.path("phones");
        for (int i = 0; i < phones.size(); i++) {
            text(ctx, id, phones.get(i), "$.phones[" + i + "]", "number");
        }
    }

    private static void coordinate(Ctx ctx, String id, JsonNode v, String at, double limit) {
        ctx.check(
                v.isMissingNode() || v.isNull() || (v.isNumber() && Math.abs(v.asDouble()) <= limit),
                "service %s: %s must be a number of degrees within %s",
                id,
                at,
                limit);
    }

    private static void text(Ctx ctx, String id, JsonNode parent, String at, String member) {
        ctx.check(
                parent.path(member).isString()
                        && !parent.path(member).asString().isBlank(),
                "service %s: %s.%s is required and must be a non-empty string",
                id,
                at,
                member);
    }
}
