package org.linkway.server.directory;

import java.util.List;
import org.linkway.server.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one import did. Every record is either wholly in (created, updated or unchanged) or
 * skipped with its findings; nothing of a skipped record is written.
 */
public record ImportReport(
        String source,
        int received,
        int created,
        int updated,
        int unchanged,
        int skipped,
        List<ImportFinding> findings) {

    /** The report as the import route answers it and the command prints it. */
    public ObjectNode toJson() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("source", source);
        out.put("received", received);
        out.put("created", created);
        out.put("updated", updated);
        out.put("unchanged", unchanged);
        out.put("skipped", skipped);
        ArrayNode list = out.putArray("findings");
        for (ImportFinding f : findings) {
            list.addObject()
                    .put("recordId", f.recordId())
                    .put("path", f.path())
                    .put("rule", f.rule())
                    .put("message", f.message());
        }
        return out;
    }
}
