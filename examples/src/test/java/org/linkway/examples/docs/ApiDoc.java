package org.linkway.examples.docs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.client.error.LinkwayException;
import org.linkway.client.internal.ProblemMapper;
import org.linkway.model.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders docs/API.md from schemas/openapi.yaml: one table of operations per tag, in the
 * document's tag order, then the problem types of the catalogue the contract's table is rendered from. Only what the contract says; nothing here is typed by hand, so the page
 * cannot disagree with the contract the server's tests check every answer against.
 */
final class ApiDoc {

    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private ApiDoc() {}

    static String render(String openapiYaml) {
        JsonNode doc = YAMLMapper.builder().build().readTree(openapiYaml);
        Map<String, String> tagDescriptions = new LinkedHashMap<>();
        for (JsonNode tag : doc.path("tags")) {
            tagDescriptions.put(
                    tag.path("name").asString(), tag.path("description").asString(""));
        }
        Map<String, List<String>> rowsByTag = new LinkedHashMap<>();
        tagDescriptions.keySet().forEach(t -> rowsByTag.put(t, new ArrayList<>()));
        int count = 0;
        int implemented = 0;
        // the server's paths, then the webhooks it calls on subscribers (rendered as "you serve")
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        doc.path("paths").properties().forEach(operations::add);
        doc.path("webhooks")
                .properties()
                .forEach(w -> operations.add(Map.entry("(your URL: webhook " + w.getKey() + ")", w.getValue())));
        for (Map.Entry<String, JsonNode> path : operations) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                count++;
                String status = op.path("x-linkway-status").asString("");
                if (status.equals("implemented")) {
                    implemented++;
                }
                List<String> answers = new ArrayList<>();
                op.path("responses").properties().forEach(r -> answers.add(r.getKey()));
                String tag = op.path("tags").path(0).asString("other");
                rowsByTag
                        .computeIfAbsent(tag, t -> new ArrayList<>())
                        .add("| `" + method.toUpperCase() + " " + path.getKey() + "` | "
                                + cell(op.path("summary").asString("")) + " | `"
                                + op.path("operationId").asString("") + "` | "
                                + status + " | " + String.join(", ", answers) + " |");
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("# API\n\n");
        md.append(
                "<!-- Generated from schemas/openapi.yaml by ApiDocTest (examples module). Do not edit: change the\n");
        md.append(
                "     contract, then run ./mvnw -B -q -pl examples -am verify -Dtest=ApiDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dlinkway.regenerate=true -->\n\n");
        md.append(
                        "The reference server's HTTP API, rendered from its contract [`schemas/openapi.yaml`](../schemas/openapi.yaml) (")
                .append(doc.path("info").path("title").asString())
                .append(", version ")
                .append(doc.path("info").path("version").asString())
                .append(
                        ").\nThe contract is the source: it holds every parameter, header, body schema and problem type, and the\n")
                .append(
                        "server's tests check each answer they receive against it. Conventions that apply to every operation\n")
                .append(
                        "(request ids, problem documents, `ETag` and `If-Match`, `Idempotency-Key`, paging) are in its description;\n")
                .append(
                        "who may call what is in [SECURITY.md](SECURITY.md). The typed Java client for all of this is `sdk-client`.\n\n");
        md.append(count)
                .append(" operations; ")
                .append(
                        implemented == count
                                ? "every one is marked `implemented`: the reference server serves it."
                                : implemented
                                        + " marked `implemented`, the rest `planned` (the target contract, not served yet).")
                .append("\n\n");
        for (Map.Entry<String, List<String>> tag : rowsByTag.entrySet()) {
            if (tag.getValue().isEmpty()) {
                continue;
            }
            md.append("## ").append(tag.getKey()).append("\n\n");
            String description = tagDescriptions.getOrDefault(tag.getKey(), "");
            if (!description.isBlank()) {
                md.append(description.strip()).append("\n\n");
            }
            md.append("| operation | summary | operationId | status | answers |\n|---|---|---|---|---|\n");
            tag.getValue().forEach(row -> md.append(row).append('\n'));
            md.append('\n');
        }
        problemTypes(md);
        return md.toString().stripTrailing() + "\n";
    }

    /** The catalogue every problem document comes from, and the exception sdk-client raises for each. */
    private static void problemTypes(StringBuilder md) {
        md.append("## Problem types\n\n")
                .append(
                        "Every error is a problem document (`application/problem+json`) whose `type` is `urn:linkway:problem:<slug>`,\n")
                .append(
                        "always with the status and title below. The list is `org.linkway.model.ProblemType` in sdk-model; the\n")
                .append(
                        "contract's table is rendered from it. The client picks its exception by the status first and then by\n")
                .append(
                        "the type; a type it does not know (from a newer server) gets the exception of its status and keeps its\n")
                .append("`code()`.\n\n")
                .append("| slug | status | title | sdk-client throws |\n|---|---|---|---|\n");
        for (ProblemType t : ProblemType.values()) {
            String body =
                    "{\"type\":\"" + t.type() + "\",\"title\":\"" + t.title() + "\",\"status\":" + t.status() + "}";
            LinkwayException e = ProblemMapper.map(
                    t.status(), "application/problem+json", body.getBytes(StandardCharsets.UTF_8), "-", null);
            md.append("| `")
                    .append(t.slug())
                    .append("` | ")
                    .append(t.status())
                    .append(" | ")
                    .append(cell(t.title()))
                    .append(" | `")
                    .append(e.getClass().getSimpleName())
                    .append("` |\n");
        }
        md.append('\n');
    }

    /** One table cell: on one line, and a pipe in the text must not end the cell. */
    private static String cell(String text) {
        return text.strip().replace("\n", " ").replace("|", "\\|");
    }
}
