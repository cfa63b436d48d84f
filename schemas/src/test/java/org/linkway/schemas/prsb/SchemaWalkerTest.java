package org.linkway.schemas.prsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaWalkerTest {

    @TempDir
    Path dir;

    @Test
    void findsHomesAcrossFilesWithRelativeFoldedAndArrayProperties() throws IOException {
        SchemaWalker.Walk walk = new SchemaWalker(TinySchemas.write(dir)).walk("res.json");

        assertThat(walk.resource()).isEqualTo("Thing");
        assertThat(walk.problems()).isEmpty();
        assertThat(walk.homes())
                .extracting(
                        SchemaWalker.Home::pointer,
                        SchemaWalker.Home::prsbPath,
                        SchemaWalker.Home::groupPath,
                        SchemaWalker.Home::relative,
                        SchemaWalker.Home::enclosingPath,
                        SchemaWalker.Home::required)
                .containsExactly(
                        tuple("/section", "S", null, false, null, true),
                        tuple("/section/names", "S / Name", null, false, "S", true),
                        tuple("/section/where", "S / Where", null, false, "S", false),
                        tuple("/section/where/code", "S / Where / Coded value", null, true, "S / Where", false),
                        tuple("/section/where/text", "S / Where / Free text", null, true, "S / Where", false),
                        tuple("/section/folded", "S / Thing / Thing", "S / Thing", false, "S", true),
                        tuple("/section/entries", "S / Entry", null, false, "S", false),
                        tuple("/section/entries/*/at", "S / Entry / At", null, false, "S / Entry", false));
    }

    @Test
    void resolvesTheSchemaAtEachHome() throws IOException {
        Map<String, SchemaWalker.Home> byPointer = homes();

        SchemaWalker.Home names = byPointer.get("/section/names");
        assertThat(names.isArray()).isTrue();
        assertThat(names.schema().path("minItems").asInt()).isEqualTo(1);
        assertThat(names.valueSchema().path("maxLength").asInt()).isEqualTo(35);

        // the member of a shared type in another file, reached through a $ref
        assertThat(byPointer
                        .get("/section/where/code")
                        .valueSchema()
                        .path("maxLength")
                        .asInt())
                .isEqualTo(5);
        assertThat(byPointer.get("/section/where/code").location())
                .isEqualTo("common.json#/$defs/Coded/properties/code");
        // a property's $ref merged into its own keywords
        SchemaWalker.Home section = byPointer.get("/section");
        assertThat(section.schema().has("$ref")).isFalse();
        assertThat(section.schema().path("type").asString()).isEqualTo("object");
        assertThat(byPointer
                        .get("/section/entries")
                        .valueSchema()
                        .path("properties")
                        .has("at"))
                .isTrue();
    }

    @Test
    void reportsUntracedPropertiesButNotLinkwayOnesOrTheirSharedMembers() throws IOException {
        SchemaWalker.Walk walk = new SchemaWalker(TinySchemas.write(dir)).walk("res.json");

        // "id" is traced by the x-linkway on its $ref target; "party" is Linkway's, so its
        // x-prsb-relative members are neither homes nor gaps; the recursive "tree" is walked once
        assertThat(walk.gaps())
                .extracting(SchemaWalker.Gap::pointer)
                .containsExactly("/section/entries/*/nested", "/section/entries/*/nested/deep", "/untraced");
        assertThat(walk.homes())
                .noneMatch(h -> h.pointer().startsWith("/party") || h.pointer().startsWith("/tree"));
    }

    @Test
    void reportsBrokenReferencesAndRelativeMembersWithNothingToAttachTo() throws IOException {
        TinySchemas.write(dir);
        Files.writeString(dir.resolve("bad.json"), """
                {"properties": {
                   "resourceType": {"x-linkway": "kind", "const": "Bad"},
                   "loose": {"x-prsb-relative": "Free text", "type": "string"},
                   "gone": {"x-linkway": "dangling", "$ref": "common.json#/$defs/Missing"},
                   "cycle": {"x-prsb": "S", "$ref": "#/$defs/A"}},
                 "$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}
                """);
        SchemaWalker walker = new SchemaWalker(dir);
        assertThat(walker.resourceFiles()).containsExactly("bad.json", "res.json");

        SchemaWalker.Walk walk = walker.walk("bad.json");
        assertThat(walk.problems())
                .anyMatch(p -> p.contains("x-prsb-relative 'Free text'"))
                .anyMatch(p -> p.contains("common.json#/$defs/Missing"));
        assertThat(walk.gaps()).extracting(SchemaWalker.Gap::pointer).containsExactly("/loose");
        assertThat(walk.homes()).extracting(SchemaWalker.Home::pointer).containsExactly("/cycle");
    }

    @Test
    void readsOverriddenFilesInsteadOfTheDisk() throws IOException {
        TinySchemas.write(dir);
        String renamed = TinySchemas.RESOURCE.replace("\"Thing\"", "\"Other\"");
        SchemaWalker walker = new SchemaWalker(dir, Map.of("res.json", renamed));
        assertThat(walker.walk("res.json").resource()).isEqualTo("Other");
    }

    private Map<String, SchemaWalker.Home> homes() throws IOException {
        SchemaWalker.Walk walk = new SchemaWalker(TinySchemas.write(dir)).walk("res.json");
        return walk.homes().stream().collect(Collectors.toMap(SchemaWalker.Home::pointer, h -> h));
    }
}
