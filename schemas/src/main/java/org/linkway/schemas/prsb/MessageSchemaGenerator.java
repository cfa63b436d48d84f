package org.linkway.schemas.prsb;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the schemas of the two PRSB messages (Referral, Message back) from
 * {@code prsb/messages.json}: the Linkway envelope, then one property per PRSB section the
 * message carries, each pointing at the section's generated definition.
 */
final class MessageSchemaGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String SECTIONS = "prsb-sections.schema.json#/$defs/";

    private final PrsbStandard prsb;
    private final NameMap names;

    MessageSchemaGenerator(PrsbStandard prsb, NameMap names) {
        this.prsb = prsb;
        this.names = names;
    }

    /** File name to schema, in the order messages.json lists them. */
    Map<String, ObjectNode> generate(JsonNode messages) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (JsonNode m : messages.path("messages")) {
            out.put(m.path("file").asString(), message(m));
        }
        return out;
    }

    private ObjectNode message(JsonNode m) {
        String type = m.path("resourceType").asString();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put(
                "$comment",
                "GENERATED from prsb/messages.json by org.linkway.schemas.prsb.Regenerate. Do not edit by hand.");
        root.put("title", m.path("title").asString());
        root.put("description", m.path("description").asString());
        root.put("x-prsb-message", m.path("title").asString());
        root.put("javaType", "org.linkway.model." + type);
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        ArrayNode required = NODES.arrayNode();

        ObjectNode resourceType = props.putObject("resourceType");
        resourceType.put(
                "x-linkway",
                "Names the kind of message so a reader can tell a Referral from a Message back without guessing.");
        resourceType.put("const", type);
        resourceType.put("type", "string");
        props.set("schemaVersion", linkwayRef("SchemaVersion"));
        props.set("prsbVersion", linkwayRef("PrsbVersion"));
        ObjectNode id = linkwayRef("ResourceId");
        props.set("id", id);
        required.add("resourceType").add("schemaVersion").add("prsbVersion");

        m.path("envelope")
                .properties()
                .forEach(e -> props.set(e.getKey(), e.getValue().deepCopy()));
        for (JsonNode r : m.path("required")) {
            required.add(r.asString());
        }

        for (JsonNode s : m.path("sections")) {
            PrsbElement section = prsb.element(s.asString())
                    .orElseThrow(() -> new IllegalStateException(
                            "messages.json lists '" + s.asString() + "', which is not a PRSB section"));
            if (section.parent() != null) {
                throw new IllegalStateException(
                        "messages.json lists '" + s.asString() + "', which is not a top-level section");
            }
            String property = names.property(section);
            ObjectNode p = props.putObject(property);
            p.put("x-prsb", section.path());
            if (!section.mro().isEmpty()) {
                p.put("x-prsb-mro", section.mro());
            }
            if (!section.description().isEmpty()) {
                p.put("description", section.description());
            }
            p.put("$ref", SECTIONS + names.definition(section));
            if (section.isMandatory()) {
                required.add(property);
            }
        }
        root.set("required", required);
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode linkwayRef(String def) {
        ObjectNode n = NODES.objectNode();
        n.put("$ref", SectionSchemaGenerator.COMMON + def);
        return n;
    }
}
