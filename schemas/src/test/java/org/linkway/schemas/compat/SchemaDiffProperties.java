package org.linkway.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.schemas.compat.SchemaChange.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random mutations of the current schemas, drawn from each class of breaking change and placed
 * anywhere the class applies: every one is caught with its kind. Random additions pass.
 */
class SchemaDiffProperties {

    private record Place(String file, String pointer) {}

    private static SchemaSet release;

    @BeforeAll
    static void load() {
        release = SchemaSet.load(Releases.CURRENT);
    }

    /** Every schema object in the set that {@code test} accepts, by file and pointer. */
    private static List<Place> places(Predicate<JsonNode> test) {
        List<Place> out = new ArrayList<>();
        release.files().forEach((file, root) -> collect(file, "", root, test, out));
        return out;
    }

    private static void collect(String file, String pointer, JsonNode n, Predicate<JsonNode> test, List<Place> out) {
        if (n.isObject()) {
            if (test.test(n)) {
                out.add(new Place(file, pointer));
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                collect(file, pointer + "/" + SchemaSet.escape(e.getKey()), e.getValue(), test, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(file, pointer + "/" + i, n.get(i), test, out);
            }
        }
    }

    private static boolean hasType(JsonNode n, String type) {
        return n.path("type").isString() && type.equals(n.get("type").asString());
    }

    private static List<SchemaChange> mutate(Place at, int seed, BiConsumer<ObjectNode, Integer> change) {
        SchemaSet next = release.copy();
        change.accept((ObjectNode) next.files().get(at.file()).at(at.pointer()), seed);
        return SchemaDiff.breakingChanges(release, next);
    }

    private static String nth(JsonNode object, int seed) {
        List<String> names = new ArrayList<>(object.propertyNames());
        return names.get(Math.floorMod(seed, names.size()));
    }

    private void caught(String what, Predicate<JsonNode> where, Kind kind, BiConsumer<ObjectNode, Integer> change) {
        List<Place> places = places(where);
        assertThat(places).as("places to %s", what).isNotEmpty();
        qt().withExamples(60)
                .withFixedSeed(what.hashCode())
                .forAll(integers().between(0, places.size() - 1), integers().all())
                .checkAssert((i, seed) -> assertThat(mutate(places.get(i), seed, change))
                        .as("%s at %s", what, places.get(i))
                        .extracting(SchemaChange::kind)
                        .contains(kind));
    }

    private void passes(String what, Predicate<JsonNode> where, BiConsumer<ObjectNode, Integer> change) {
        List<Place> places = places(where);
        assertThat(places).as("places to %s", what).isNotEmpty();
        qt().withExamples(60)
                .withFixedSeed(what.hashCode())
                .forAll(integers().between(0, places.size() - 1), integers().all())
                .checkAssert((i, seed) -> assertThat(mutate(places.get(i), seed, change))
                        .as("%s at %s", what, places.get(i))
                        .isEmpty());
    }

    private static boolean hasAnOptionalMember(JsonNode n) {
        if (!OBJECT_WITH_PROPERTIES.test(n)) {
            return false;
        }
        List<String> required = new ArrayList<>();
        n.path("required").forEach(r -> required.add(r.asString()));
        return !required.containsAll(n.get("properties").propertyNames());
    }

    private static final Predicate<JsonNode> OBJECT_WITH_PROPERTIES = n -> hasType(n, "object")
            && n.path("properties").isObject()
            && !n.get("properties").isEmpty();

    @Test
    void every_class_of_breaking_change_is_caught_wherever_it_is_made() {
        caught(
                "remove a property",
                OBJECT_WITH_PROPERTIES,
                Kind.PROPERTY_REMOVED,
                (s, seed) -> ((ObjectNode) s.get("properties")).remove(nth(s.get("properties"), seed)));
        caught("rename a property", OBJECT_WITH_PROPERTIES, Kind.PROPERTY_RENAMED, (s, seed) -> {
            ObjectNode p = (ObjectNode) s.get("properties");
            String name = nth(p, seed);
            p.set(name + "Renamed", p.remove(name));
        });
        caught("require a property", SchemaDiffProperties::hasAnOptionalMember, Kind.REQUIRED_ADDED, (s, seed) -> {
            ArrayNode required = s.putArray("required");
            s.get("properties").propertyNames().forEach(required::add);
        });
        caught(
                "narrow a type",
                n -> hasType(n, "string") || hasType(n, "object") || hasType(n, "array") || hasType(n, "boolean"),
                Kind.TYPE_NARROWED,
                (s, seed) -> s.put("type", hasType(s, "string") ? "number" : "string"));
        caught(
                "shorten a maxLength",
                n -> n.path("maxLength").isNumber() && n.get("maxLength").asInt() > 1,
                Kind.LENGTH_NARROWED,
                (s, seed) -> s.put(
                        "maxLength", Math.floorMod(seed, s.get("maxLength").asInt())));
        caught(
                "drop an enum value",
                n -> n.path("enum").isArray() && n.get("enum").size() > 1,
                Kind.VALUES_NARROWED,
                (s, seed) -> ((ArrayNode) s.get("enum"))
                        .remove(Math.floorMod(seed, s.get("enum").size())));
        caught(
                "lower maxItems",
                n -> hasType(n, "array"),
                Kind.CARDINALITY_NARROWED,
                (s, seed) -> s.put("maxItems", Math.max(0, s.path("maxItems").asInt(2) - 1)));
        caught(
                "raise minItems",
                n -> hasType(n, "array"),
                Kind.CARDINALITY_NARROWED,
                (s, seed) -> s.put("minItems", s.path("minItems").asInt(0) + 1 + Math.floorMod(seed, 3)));
        caught(
                "change a pattern",
                n -> n.path("pattern").isString(),
                Kind.PATTERN_CHANGED,
                (s, seed) -> s.put("pattern", s.get("pattern").asString() + "|^x" + Math.floorMod(seed, 100) + "$"));
    }

    @Test
    void closing_any_object_that_was_open_is_caught() {
        List<Place> closed = places(n -> n.path("additionalProperties").isBoolean());
        assertThat(closed).isNotEmpty();
        qt().withExamples(60)
                .withFixedSeed(17_005L)
                .forAll(integers().between(0, closed.size() - 1))
                .checkAssert(i -> {
                    Place at = closed.get(i);
                    SchemaSet open = release.copy();
                    ((ObjectNode) open.files().get(at.file()).at(at.pointer())).remove("additionalProperties");
                    assertThat(SchemaDiff.breakingChanges(open, release))
                            .as("closing %s", at)
                            .extracting(SchemaChange::kind)
                            .contains(Kind.CLOSED);
                });
    }

    @Test
    void random_additions_pass() {
        passes(
                "add an optional property",
                OBJECT_WITH_PROPERTIES,
                (s, seed) -> ((ObjectNode) s.get("properties"))
                        .putObject("added" + Math.floorMod(seed, 1000))
                        .put("type", "string"));
        passes(
                "lengthen a maxLength",
                n -> n.path("maxLength").isNumber(),
                (s, seed) -> s.put("maxLength", s.get("maxLength").asInt() + 1 + Math.floorMod(seed, 200)));
        passes(
                "add an enum value",
                n -> n.path("enum").isArray(),
                (s, seed) -> ((ArrayNode) s.get("enum")).add("added-" + Math.floorMod(seed, 1000)));
        passes(
                "stop requiring a member",
                n -> n.path("required").isArray() && !n.get("required").isEmpty(),
                (s, seed) -> ((ArrayNode) s.get("required"))
                        .remove(Math.floorMod(seed, s.get("required").size())));
        passes("drop a minLength", n -> n.path("minLength").isNumber(), (s, seed) -> s.remove("minLength"));
        passes("drop a pattern", n -> n.path("pattern").isString(), (s, seed) -> s.remove("pattern"));
    }
}
