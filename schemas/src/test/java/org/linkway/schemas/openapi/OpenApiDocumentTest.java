package org.linkway.schemas.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/openapi.yaml} is valid OpenAPI 3.1, lists exactly the operations the reference
 * server serves as {@code implemented} (and the planned rest as {@code planned}), and every
 * reference in it resolves to a file and a place in that file that exist.
 *
 * <p>When the server gains or loses a route, change {@link #IMPLEMENTED} and the document together.
 */
class OpenApiDocumentTest {

    /** What {@code reference-server} registers today (the feature packages' routes, ContractRoutes, LinkwayServer). */
    static final Set<String> IMPLEMENTED = Set.of(
            "GET /health",
            "GET /openapi.json",
            "GET /.well-known/jwks.json",
            "GET /json/{file}",
            // the web pages and the open validation (issue 20, docs/WEB.md)
            "GET /",
            "GET /inspector",
            "POST /inspector",
            "GET /assets/{file}",
            "GET /assets/images/{file}",
            "POST /v1/$validate",
            "POST /v1/referrals",
            "GET /v1/referrals",
            "GET /v1/referrals/{id}",
            "POST /v1/referrals/{id}/transitions",
            "GET /v1/referrals/{id}/events",
            "GET /v1/events",
            "GET /v1/referrals/{id}/contacts",
            "POST /v1/referrals/{id}/contacts",
            "GET /v1/referrals/{id}/contacts/{recordId}",
            "GET /v1/referrals/{id}/consents",
            "POST /v1/referrals/{id}/consents",
            "GET /v1/referrals/{id}/consents/{recordId}",
            "GET /v1/referrals/{id}/care-plan",
            "PUT /v1/referrals/{id}/care-plan",
            "GET /v1/referrals/{id}/care-plan/versions",
            "GET /v1/referrals/{id}/care-plan/versions/{version}",
            "GET /v1/referrals/{id}/assessments",
            "POST /v1/referrals/{id}/assessments",
            "GET /v1/referrals/{id}/assessments/{recordId}",
            "GET /v1/referrals/{id}/signposts",
            "POST /v1/referrals/{id}/signposts",
            "GET /v1/referrals/{id}/signposts/{recordId}",
            "GET /v1/referrals/{id}/message-back",
            "GET /v1/message-backs",
            "GET /v1/referrals/{id}/onward-referrals",
            "POST /v1/referrals/{id}/onward-referrals",
            "GET /v1/onward-referrals",
            "GET /v1/onward-referrals/{id}",
            "POST /v1/onward-referrals/{id}/transitions",
            "POST /v1/onward-referrals/{id}/feedback",
            "POST /v1/subscriptions",
            "GET /v1/subscriptions",
            "GET /v1/subscriptions/{id}",
            "DELETE /v1/subscriptions/{id}",
            "GET /v1/audit/verify",
            "GET /v1/reports/minimum-dataset",
            "GET /v1/reports/process-measures",
            "GET /v1/reports/hospital-discharge",
            "PUT /v1/referrals/{id}/hospital-discharge",
            "GET /v1/referrals/{id}/hospital-discharge",
            "GET /v1/referrals/{id}/hospital-discharge/versions",
            "GET /v1/referrals/{id}/hospital-discharge/versions/{version}",
            "POST /v1/imports",
            "GET /v1/directory/services",
            "GET /v1/directory/services/{id}",
            "GET /v1/directory/services/{id}/history",
            "POST /v1/directory/services/{id}/retire",
            "POST /v1/directory/imports",
            // caseload and the same person (#19)
            "GET /v1/referrals/{id}/assignment",
            "PUT /v1/referrals/{id}/assignment",
            "GET /v1/referrals/{id}/episodes",
            "GET /v1/caseload",
            "GET /v1/caseload/summary",
            // time rules (#19 item 3)
            "GET /v1/time-rules",
            "PUT /v1/time-rules",
            "GET /fhir/R4/metadata",
            "POST /fhir/R4/Bundle",
            "POST /fhir/R4/$process-message",
            "GET /fhir/R4/Bundle/{id}",
            "GET /fhir/R4/ServiceRequest/{id}",
            "GET /fhir/R4/Task/{id}",
            "GET /fhir/R4/Task",
            "GET /fhir/R4/Composition/{id}",
            // appointments (issue 19)
            "GET /v1/referrals/{id}/appointments",
            "POST /v1/referrals/{id}/appointments",
            "GET /v1/referrals/{id}/appointments/{appointmentId}",
            "PATCH /v1/referrals/{id}/appointments/{appointmentId}",
            "POST /v1/referrals/{id}/appointments/{appointmentId}/transitions",
            "POST /v1/calendar-feeds",
            "GET /v1/calendar-feeds",
            "DELETE /v1/calendar-feeds/{feedId}",
            "GET /v1/appointments.ics");

    /** The rest of the target contract: described, marked planned, not served yet. */
    static final Set<String> PLANNED = Set.of();

    private static final String STATUS = "x-linkway-status";

    private final OpenApiDocument doc = OpenApiDocument.load();

    @Test
    void isValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true); // loads every external $ref, so a broken one is a message too
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(OpenApiDocument.FILE.toString(), null, options);

        assertThat(result.getMessages())
                .as("swagger-parser messages for %s", OpenApiDocument.FILE)
                .isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyOperationSaysWhetherTheServerServesIt() {
        List<String> unmarked = new ArrayList<>();
        List<OpenApiDocument.Operation> all = new ArrayList<>(doc.pathOperations());
        all.addAll(doc.webhookOperations());
        for (OpenApiDocument.Operation op : all) {
            String status = op.node().path(STATUS).asText("");
            if (!status.equals("implemented") && !status.equals("planned")) {
                unmarked.add(op.key() + " has " + STATUS + ": '" + status + "'");
            }
        }
        assertThat(unmarked)
                .as("every operation needs %s: implemented or planned", STATUS)
                .isEmpty();
    }

    @Test
    void implementedOperationsAreExactlyThoseTheServerServes() {
        Set<String> implemented = new TreeSet<>();
        for (OpenApiDocument.Operation op : doc.pathOperations()) {
            if (op.node().path(STATUS).asText("").equals("implemented")) {
                implemented.add(op.key());
            }
        }
        assertThat(implemented).containsExactlyInAnyOrderElementsOf(IMPLEMENTED);
    }

    @Test
    void plannedOperationsAreDescribedAndMarkedPlanned() {
        Set<String> planned = new TreeSet<>();
        for (OpenApiDocument.Operation op : doc.pathOperations()) {
            if (op.node().path(STATUS).asText("").equals("planned")) {
                planned.add(op.key());
            }
        }
        assertThat(planned).containsExactlyInAnyOrderElementsOf(PLANNED);
        // the server sends the event webhook (WebhookContract in reference-server checks what it sends)
        for (OpenApiDocument.Operation op : doc.webhookOperations()) {
            assertThat(op.node().path(STATUS).asText("")).as(op.key()).isEqualTo("implemented");
        }
    }

    @Test
    void operationIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        List<OpenApiDocument.Operation> all = new ArrayList<>(doc.pathOperations());
        all.addAll(doc.webhookOperations());
        for (OpenApiDocument.Operation op : all) {
            String id = op.node().path("operationId").asText("");
            if (id.isEmpty()) {
                problems.add(op.key() + " has no operationId");
            } else if (!seen.add(id)) {
                problems.add(op.key() + " repeats operationId " + id);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Every response of the server carries X-Request-Id, and every error is a problem document;
     * under {@code /fhir/R4}, where clients read FHIR, an OperationOutcome.
     */
    @Test
    void everyResponseCarriesTheRequestIdAndEveryErrorIsAProblem() {
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation op : doc.pathOperations()) {
            for (Map.Entry<String, JsonNode> r : op.node().path("responses").properties()) {
                JsonNode response = doc.deref(r.getValue());
                String where = op.key() + " " + r.getKey();
                if (!response.path("headers").has("X-Request-Id")) {
                    problems.add(where + ": no X-Request-Id header");
                }
                boolean error = r.getKey().startsWith("4")
                        || r.getKey().startsWith("5")
                        || r.getKey().equals("default");
                if (error && op.key().contains(" /fhir/R4/")) {
                    JsonNode content = response.path("content");
                    if (content.size() != 1
                            || !content.path("application/fhir+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText("")
                                    .equals("#/components/schemas/FhirOperationOutcome")) {
                        problems.add(where + ": a FHIR facade error must be an application/fhir+json OperationOutcome");
                    }
                } else if (error
                        && op.node().path("tags").toString().contains("\"web\"")
                        && response.path("content").size() == 1
                        && response.path("content").has("text/html")) {
                    // a web page's refusal is the page again with an error summary, for a person to read
                    continue;
                } else if (error) {
                    JsonNode content = response.path("content");
                    if (content.size() != 1 || !content.has("application/problem+json")) {
                        problems.add(where + ": an error must be application/problem+json only");
                    } else if (!content.path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asText("")
                            .equals("#/components/schemas/Problem")) {
                        problems.add(where + ": an error's schema must be #/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Every {@code $ref} and {@code externalValue} names a file that exists and, after {@code #}, a
     * place in it that exists; followed into the referenced JSON Schemas, which reference each other.
     */
    @Test
    void everyReferenceResolves() {
        Path base = OpenApiDocument.FILE.toAbsolutePath().normalize();
        Deque<Path> todo = new ArrayDeque<>(List.of(base));
        Set<Path> visited = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();
        while (!todo.isEmpty()) {
            Path file = todo.pop();
            if (!visited.add(file)) {
                continue;
            }
            JsonNode tree = OpenApiDocument.read(file);
            OpenApiDocument.strings(tree, Set.of("$ref", "externalValue"), (name, value) -> {
                String where = base.getParent().relativize(file) + ": " + name + " " + value;
                if (value.contains("://")) {
                    broken.add(where + " (only relative references: the build is offline)");
                    return;
                }
                int hash = value.indexOf('#');
                String filePart = hash < 0 ? value : value.substring(0, hash);
                String fragment = hash < 0 ? "" : value.substring(hash + 1);
                Path target = filePart.isEmpty()
                        ? file
                        : file.getParent().resolve(filePart).normalize();
                if (!OpenApiDocument.exists(target)) {
                    broken.add(where + " (no file " + base.getParent().relativize(target) + ")");
                    return;
                }
                if (name.equals("externalValue")) {
                    if (!fragment.isEmpty()) {
                        broken.add(where + " (an example file is named without a fragment)");
                    }
                    OpenApiDocument.read(target); // it must at least parse
                    return;
                }
                if (!fragment.isEmpty()) {
                    JsonNode targetTree = target.equals(file) ? tree : OpenApiDocument.read(target);
                    if (!fragment.startsWith("/") || targetTree.at(fragment).isMissingNode()) {
                        broken.add(where + " (no " + fragment + " in " + target.getFileName() + ")");
                        return;
                    }
                }
                if (!target.equals(file)) {
                    todo.push(target);
                }
            });
        }
        assertThat(broken).as("references that do not resolve").isEmpty();
        assertThat(visited)
                .as("files reached from openapi.yaml")
                .anySatisfy(p -> assertThat(p.toString()).endsWith("referral.schema.json"));
    }

    /** {@code GET /json/{file}} offers exactly the schemas in {@code json/}, which the document's {@code $ref}s name. */
    @Test
    void servedSchemaFilesAreTheFilesInJson() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("json"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .forEach(onDisk::add);
        }
        Set<String> offered = new TreeSet<>();
        doc.root.at("/paths/~1json~1{file}/parameters/0/schema/enum").forEach(n -> offered.add(n.asText()));
        assertThat(offered).isEqualTo(onDisk);
    }

    /** The inline request example is the shipped example file, so the two cannot drift apart. */
    @Test
    void referralExampleIsTheShippedExampleFile() {
        assertThat(doc.root.at("/components/examples/MinimalSelfReferral/value"))
                .isEqualTo(OpenApiDocument.read(Path.of("examples/valid/referral--minimal-self-referral.json")));
    }

    @Test
    void referralStatesMatchTheReferralSchema() {
        JsonNode schemaEnum =
                OpenApiDocument.read(Path.of("json/referral.schema.json")).at("/properties/status/enum");
        JsonNode docEnum = doc.root.at("/components/schemas/ReferralStatus/enum");
        assertThat(docEnum).isEqualTo(schemaEnum);
    }

    @Test
    void onwardReferralTransitionsOnlyNameOnwardReferralStates() {
        Set<String> states = new HashSet<>();
        OpenApiDocument.read(Path.of("json/onward-referral.schema.json"))
                .at("/properties/status/enum")
                .forEach(n -> states.add(n.asText()));
        JsonNode targets = doc.root.at("/components/schemas/OnwardTransitionRequest/properties/to/enum");
        assertThat(targets.size()).isPositive();
        targets.forEach(n -> assertThat(states).contains(n.asText()));
    }
}
