package org.linkway.modelgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void names_follow_the_schemas_as_they_always_have() {
        assertThat(EnumWriter.constantName("in-progress")).isEqualTo("IN_PROGRESS");
        assertThat(EnumWriter.constantName("1")).isEqualTo("_1");
        assertThat(SchemaReader.singular("Entries")).isEqualTo("Entry");
        assertThat(SchemaReader.singular("ItemResponses")).isEqualTo("ItemResponse");
        assertThat(SchemaReader.singular("Scope")).isEqualTo("Scope");
    }

    @Test
    void the_linkway_schemas_give_the_same_types_as_before() throws IOException {
        List<Path> written = ModelGenerator.generate(
                Path.of("../schemas/json"),
                dir,
                "org.linkway.model",
                List.of(
                        "referral.schema.json",
                        "message-back.schema.json",
                        "consent.schema.json",
                        "care-plan.schema.json",
                        "assessment.schema.json",
                        "onward-referral.schema.json",
                        "signpost.schema.json",
                        "contact-record.schema.json"));
        assertThat(written).hasSize(87);
        String referral = Files.readString(dir.resolve("org/linkway/model/Referral.java"));
        assertThat(referral)
                .contains(
                        "public final class Referral implements PrsbMessage",
                        "builder.resourceType = \"Referral\";",
                        "builder.schemaVersion = \"1.0.0\";",
                        "builder.prsbVersion = \"1.1\";",
                        "public enum Status",
                        "IN_PROGRESS(\"in-progress\")");
        assertThat(Files.readString(dir.resolve("org/linkway/model/Scope.java")))
                .contains("public enum Scope");
        for (Path f : written) {
            assertThat(Files.readString(f)).doesNotContain("jakarta.", "@SuppressWarnings");
        }
    }

    @Test
    void two_types_with_one_name_fail_loudly() throws IOException {
        Files.writeString(dir.resolve("m.schema.json"), """
                {"javaType": "x.M", "type": "object", "properties": {
                  "a": {"type": "object", "properties": {"note": {"type": "object", "properties": {}}}},
                  "b": {"type": "object", "properties": {"note": {"type": "object", "properties": {}}}}
                }}""");
        assertThatThrownBy(() -> ModelGenerator.generate(dir, dir.resolve("out"), "x", List.of("m.schema.json")))
                .hasMessageContaining("would both be called Note");
    }
}
