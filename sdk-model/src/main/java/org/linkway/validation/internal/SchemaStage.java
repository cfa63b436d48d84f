package org.linkway.validation.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.linkway.model.MessageType;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import tools.jackson.databind.JsonNode;

/**
 * Structural checks: the message against its JSON Schema (draft 2020-12), each schema error
 * turned into a finding with a Linkway rule id, the PRSB element and a message a developer can act on.
 */
final class SchemaStage {

    private static final SchemaStage INSTANCE = new SchemaStage();

    private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);

    private SchemaStage() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (MessageType type : MessageType.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + ElementIndex.SCHEMA_ROOT.substring(1) + type.schemaFile()));
            schema.initializeValidators(); // resolve every $ref now, not on the first message
            schemas.put(type, schema);
        }
    }

    static SchemaStage get() {
        return INSTANCE;
    }

    void check(MessageType type, JsonNode message, Findings out) {
        List<Error> errors = schemas.get(type).validate(message);
        for (Error e : errors) {
            SchemaFindings.add(type, e, out);
        }
    }
}
