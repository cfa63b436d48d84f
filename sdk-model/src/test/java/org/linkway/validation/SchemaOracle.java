package org.linkway.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.linkway.model.MessageType;
import tools.jackson.databind.JsonNode;

/**
 * A general-purpose JSON Schema validator (networknt, draft 2020-12) run on the same schema
 * files: the reference the Linkway validator's structural findings must agree with.
 * Each error becomes "rule id at pointer", mapped the way the Linkway validator names them.
 */
final class SchemaOracle {

    private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);

    SchemaOracle() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        for (MessageType type : MessageType.values()) {
            Schema schema =
                    registry.getSchema(SchemaLocation.of("classpath:org/linkway/schemas/json/" + type.schemaFile()));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    /** "LW-RULE at /pointer" for every schema error, with one finding per place where the type is wrong. */
    Set<String> findings(MessageType type, JsonNode message) {
        Set<String> out = new HashSet<>();
        Set<String> wrongType = new HashSet<>();
        var errors = schemas.get(type).validate(message);
        for (Error e : errors) {
            if (e.getKeyword().equals("type")) {
                wrongType.add(e.getInstanceLocation().toString());
            }
        }
        for (Error e : errors) {
            String at = e.getInstanceLocation().toString();
            if (!e.getKeyword().equals("type") && wrongType.contains(at)) {
                continue;
            }
            String rule;
            switch (e.getKeyword()) {
                case "required":
                    at = at + "/" + escape(e.getProperty());
                    rule = at.equals("/risks") ? "LW-RISKS-RECORDED" : "LW-REQUIRED";
                    break;
                case "additionalProperties":
                    at = at + "/" + escape(e.getProperty());
                    rule = "LW-UNKNOWN-PROPERTY";
                    break;
                case "minProperties":
                    rule = "LW-CODED-TEXT-EMPTY";
                    break;
                case "type":
                    rule = "LW-TYPE";
                    break;
                case "maxLength":
                    rule = "LW-MAX-LENGTH";
                    break;
                case "minLength":
                    rule = "LW-EMPTY-VALUE";
                    break;
                case "const":
                case "enum":
                    rule = at.equals("/resourceType") ? "LW-MESSAGE-TYPE" : "LW-VALUE-NOT-ALLOWED";
                    break;
                case "pattern":
                case "format":
                    rule = at.equals("/schemaVersion") ? "LW-SCHEMA-VERSION" : "LW-FORMAT";
                    break;
                case "minimum":
                case "maximum":
                    rule = "LW-RANGE";
                    break;
                case "minItems":
                case "maxItems":
                    rule = at.startsWith("/risks") ? "LW-RISKS-RECORDED" : "LW-CARDINALITY";
                    break;
                default:
                    rule = "LW-SCHEMA(" + e.getKeyword() + ")";
            }
            out.add(rule + " at " + at);
        }
        return out;
    }

    private static String escape(String property) {
        return property == null ? "" : property.replace("~", "~0").replace("/", "~1");
    }
}
