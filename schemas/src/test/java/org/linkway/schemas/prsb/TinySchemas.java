package org.linkway.schemas.prsb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A miniature standard and resource schema for testing the walker and the report without the real ones. */
final class TinySchemas {

    private TinySchemas() {}

    static final String COMMON = """
            {"$defs": {
              "Coded": {"type": "object", "properties": {
                "code": {"x-prsb-relative": "Coded value", "type": "string", "maxLength": 5},
                "text": {"x-prsb-relative": "Free text", "type": "string", "maxLength": 150}}},
              "Id": {"x-linkway": "ids", "type": "string"},
              "Node": {"type": "object", "properties": {
                "label": {"x-linkway": "label", "type": "string"},
                "children": {"x-linkway": "a tree", "type": "array", "items": {"$ref": "#/$defs/Node"}}}}
            }}
            """;

    static final String RESOURCE = """
            {"type": "object",
             "properties": {
               "resourceType": {"x-linkway": "kind", "const": "Thing", "type": "string"},
               "id": {"$ref": "common.json#/$defs/Id"},
               "section": {"x-prsb": "S", "$ref": "#/$defs/Section"},
               "untraced": {"type": "string"},
               "tree": {"x-linkway": "recursive", "$ref": "common.json#/$defs/Node"},
               "party": {"x-linkway": "a Linkway use of a shared coded type", "$ref": "common.json#/$defs/Coded"}
             },
             "required": ["section"],
             "$defs": {
               "Section": {"x-prsb": "S", "type": "object", "required": ["names", "folded"], "properties": {
                 "names": {"x-prsb": "S / Name", "type": "array", "minItems": 1, "items": {"type": "string", "maxLength": 35}},
                 "where": {"x-prsb": "S / Where", "$ref": "common.json#/$defs/Coded"},
                 "folded": {"x-prsb-group": "S / Thing", "x-prsb": "S / Thing / Thing", "type": "string", "maxLength": 10},
                 "entries": {"x-prsb": "S / Entry", "type": "array", "items": {"$ref": "#/$defs/Entry"}}}},
               "Entry": {"type": "object", "properties": {
                 "at": {"x-prsb": "S / Entry / At", "type": "string"},
                 "nested": {"type": "object", "properties": {"deep": {"type": "string"}}}}}
             }}
            """;

    static final String ELEMENTS = String.join(
                    "\n",
                    "path\tkind\tmin\tmax\tmro\tvalue_type\tmax_length\tvalue_set",
                    "S\tgroup\t1\t1\tM\t\t\t",
                    "S / Name\titem\t1\t*\tM\tstring\t35\t",
                    "S / Where\tgroup\t0\t1\tR\t\t\t",
                    "S / Where / Coded value\titem\t0\t1\tR\tstring\t5\t",
                    "S / Where / Free text\titem\t0\t1\tR\ttext\t150\tFree text",
                    "S / Thing\tgroup\t0\t1\tR\t\t\t",
                    "S / Thing / Thing\titem\t0\t1\tR\tstring\t10\t",
                    "S / Entry\tgroup\t0\t*\tR\t\t\t",
                    "S / Entry / At\titem\t0\t1\tR\tdatetime\t\t",
                    "S / Suffix\titem\t1\t*\tR\tstring\t35\t",
                    "T\tgroup\t0\t1\tR\t\t\t",
                    "T / Lost\titem\t0\t1\t\tstring\t\t")
            + "\n";

    static final String MESSAGES = """
            {"messages": [{"file": "res.json", "resourceType": "Thing", "title": "A thing", "sections": ["S"]}]}
            """;

    static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("common.json"), COMMON, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("res.json"), RESOURCE, StandardCharsets.UTF_8);
        return dir;
    }

    static PrsbStandard standard() {
        return PrsbStandard.load(
                new ByteArrayInputStream(ELEMENTS.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("{\"dataset\": []}".getBytes(StandardCharsets.UTF_8)));
    }
}
