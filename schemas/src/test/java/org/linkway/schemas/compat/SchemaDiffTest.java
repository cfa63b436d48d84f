package org.linkway.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.schemas.compat.SchemaChange.Kind;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each kind of breaking change, made to a copy of the current schemas, is caught and named where
 * a message meets it; additions pass. The copy stands for "the next version", the untouched
 * schemas for "the release".
 */
class SchemaDiffTest {

    private static final String SECTIONS = "prsb-sections.schema.json";
    private static final String PERSON_NAME = "/$defs/PersonName";
    private static final String NAME_IN_MESSAGE_BACK = "MessageBack:/personDemographics/name";

    private static SchemaSet release;

    @BeforeAll
    static void load() {
        release = SchemaSet.load(Releases.CURRENT);
    }

    private static List<SchemaChange> after(String file, String pointer, Consumer<ObjectNode> change) {
        SchemaSet next = release.copy();
        change.accept((ObjectNode) next.files().get(file).at(pointer));
        return SchemaDiff.breakingChanges(release, next);
    }

    /** The changes of one kind, by where they were met; a shared definition is reported where a resource first meets it. */
    private static List<String> where(List<SchemaChange> changes, Kind kind) {
        return changes.stream()
                .filter(c -> c.kind() == kind)
                .map(SchemaChange::where)
                .toList();
    }

    private static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    @Test
    void the_schemas_compared_with_themselves_have_no_breaking_change() {
        assertThat(SchemaDiff.breakingChanges(release, release.copy())).isEmpty();
    }

    @Test
    void removing_a_property_is_caught_where_messages_meet_it() {
        List<SchemaChange> found = after(SECTIONS, PERSON_NAME, s -> props(s).remove("preferredName"));
        // the message and the referral meet it through their generated files; the onward referral (which carries
        // the person's name to its provider) meets the shared definition itself
        assertThat(where(found, Kind.PROPERTY_REMOVED))
                .as("once per place a resource meets the shared definition")
                .containsExactly(NAME_IN_MESSAGE_BACK + "/preferredName", "OnwardReferral:/personName/preferredName");
    }

    @Test
    void renaming_a_property_is_caught_and_named() {
        List<SchemaChange> found = after(SECTIONS, PERSON_NAME, s -> {
            var p = props(s);
            p.set("knownAs", p.remove("preferredName"));
        });
        assertThat(found)
                .contains(new SchemaChange(
                        Kind.PROPERTY_RENAMED, NAME_IN_MESSAGE_BACK + "/preferredName", "renamed to 'knownAs'"));
    }

    @Test
    void narrowing_a_type_is_caught() {
        List<SchemaChange> found =
                after(SECTIONS, PERSON_NAME + "/properties/preferredName", s -> s.put("type", "integer"));
        assertThat(found).extracting(SchemaChange::kind).contains(Kind.TYPE_NARROWED);
    }

    @Test
    void shortening_a_max_length_is_caught_at_the_array_items() {
        List<SchemaChange> found =
                after(SECTIONS, PERSON_NAME + "/properties/familyNames/items", s -> s.put("maxLength", 20));
        assertThat(found)
                .contains(new SchemaChange(
                        Kind.LENGTH_NARROWED, NAME_IN_MESSAGE_BACK + "/familyNames/*", "maxLength 35 -> 20"));
    }

    @Test
    void dropping_an_enum_value_is_caught() {
        List<SchemaChange> found = after("referral.schema.json", "/properties/status", s -> {
            ArrayNode values = (ArrayNode) s.get("enum");
            values.remove(values.size() - 1);
        });
        assertThat(found)
                .contains(new SchemaChange(Kind.VALUES_NARROWED, "Referral:/status", "dropped [\"cancelled\"]"));
    }

    @Test
    void making_a_property_required_is_caught() {
        List<SchemaChange> found =
                after(SECTIONS, PERSON_NAME, s -> ((ArrayNode) s.withArray("required")).add("preferredName"));
        assertThat(found)
                .contains(
                        new SchemaChange(Kind.REQUIRED_ADDED, NAME_IN_MESSAGE_BACK + "/preferredName", "now required"));
    }

    @Test
    void lowering_max_items_or_raising_min_items_is_caught() {
        assertThat(after(SECTIONS, PERSON_NAME + "/properties/familyNames", s -> s.put("maxItems", 1)))
                .extracting(SchemaChange::kind)
                .contains(Kind.CARDINALITY_NARROWED);
        assertThat(after(SECTIONS, PERSON_NAME + "/properties/familyNames", s -> s.put("minItems", 2)))
                .extracting(SchemaChange::kind)
                .contains(Kind.CARDINALITY_NARROWED);
    }

    @Test
    void closing_an_object_to_unknown_members_is_caught() {
        SchemaSet open = release.copy();
        ((ObjectNode) open.files().get(SECTIONS).at(PERSON_NAME)).remove("additionalProperties");
        assertThat(SchemaDiff.breakingChanges(open, release))
                .extracting(SchemaChange::kind, SchemaChange::where)
                .contains(tuple(Kind.CLOSED, NAME_IN_MESSAGE_BACK));
        SchemaSet permissive = release.copy();
        ((ObjectNode) permissive.files().get(SECTIONS).at(PERSON_NAME)).put("additionalProperties", true);
        assertThat(SchemaDiff.breakingChanges(permissive, release))
                .extracting(SchemaChange::kind)
                .contains(Kind.CLOSED);
    }

    @Test
    void changing_a_pattern_is_caught_unless_it_is_identical() {
        String version = "/$defs/SchemaVersion";
        assertThat(after("common.schema.json", version, s -> s.put("pattern", "^1\\.[0-9]+\\.[0-9]+$")))
                .extracting(SchemaChange::kind)
                .contains(Kind.PATTERN_CHANGED);
        assertThat(after(
                        "common.schema.json",
                        version,
                        s -> s.put("pattern", s.get("pattern").asString())))
                .isEmpty();
    }

    @Test
    void a_change_followed_through_a_ref_into_another_file_is_reported_in_every_resource_that_meets_it_first() {
        List<SchemaChange> found =
                after("common.schema.json", "/$defs/Coding/properties/code", s -> s.put("maxLength", 3));
        assertThat(found).extracting(SchemaChange::kind).contains(Kind.LENGTH_NARROWED);
        assertThat(found).allSatisfy(c -> assertThat(c.where()).contains("/code"));
    }

    @Test
    void removing_a_definition_or_a_file_is_caught() {
        assertThat(after(SECTIONS, "/$defs", s -> s.remove("ClinicalSummary")))
                .extracting(SchemaChange::kind)
                .contains(Kind.DEFINITION_REMOVED);
        SchemaSet next = release.copy();
        next.files().remove("signpost.schema.json");
        assertThat(SchemaDiff.breakingChanges(release, next))
                .containsExactly(
                        new SchemaChange(Kind.FILE_REMOVED, "signpost.schema.json", "the schema file is gone"));
    }

    @Test
    void a_keyword_the_guard_does_not_reason_about_fails_closed() {
        List<SchemaChange> found = after(
                SECTIONS,
                PERSON_NAME,
                s -> s.putArray("anyOf").addObject().putArray("required").add("preferredName"));
        assertThat(found)
                .extracting(SchemaChange::kind)
                .containsOnly(Kind.UNJUDGED)
                .isNotEmpty();
    }

    @Test
    void additions_pass() {
        assertThat(after(
                        SECTIONS,
                        PERSON_NAME,
                        s -> props(s).putObject("nickname")
                                .put("type", "string")
                                .put("maxLength", 35)))
                .as("a new optional property")
                .isEmpty();
        assertThat(after(SECTIONS, PERSON_NAME + "/properties/familyNames/items", s -> s.put("maxLength", 70)))
                .as("a longer maxLength")
                .isEmpty();
        assertThat(after("referral.schema.json", "/properties/status", s -> ((ArrayNode) s.get("enum")).add("paused")))
                .as("a new enum value")
                .isEmpty();
        assertThat(after(SECTIONS, PERSON_NAME + "/properties/familyNames", s -> s.remove("minItems")))
                .as("a lower minItems")
                .isEmpty();
        assertThat(after(SECTIONS, PERSON_NAME, s -> s.remove("required")))
                .as("members no longer required")
                .isEmpty();
        assertThat(after(SECTIONS, PERSON_NAME, s -> s.remove("additionalProperties")))
                .as("an object opened to unknown members")
                .isEmpty();
        assertThat(after(SECTIONS, PERSON_NAME + "/properties/preferredName", s -> s.remove("type")))
                .as("any type accepted")
                .isEmpty();
    }
}
