package org.linkway.server;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linkway.model.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code schemas/openapi.yaml} as a test oracle: every answer a test receives is checked against
 * the operation the document declares for its method and path. The status must be declared (an
 * error may fall to {@code default}, which the document keeps for errors), every required header present and matching its schema, the content
 * type one the response declares, and the body valid against its schema (OpenAPI 3.1 dialect, so
 * JSON Schema 2020-12, following the {@code $ref}s into {@code json/*.schema.json}). A request the
 * server accepted must itself have been one the document allows.
 *
 * <p>Paths the document does not describe must answer {@code NotFound}; a method a described path
 * does not offer must answer {@code MethodNotAllowed} with {@code Allow}.
 */
final class OpenApiContract {

    static final String DOCUMENT = "classpath:org/linkway/schemas/openapi.yaml";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** A request may carry properties the server does not know: it drops them (see the document's conventions). */
    private static final Set<String> TOLERATED_IN_REQUESTS = Set.of("additionalProperties", "unevaluatedProperties");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final OpenApiContract INSTANCE = new OpenApiContract();

    /** One request and its answer, as the checker sees them. Header maps are looked up ignoring case. */
    record Exchange(
            String method,
            String path,
            Map<String, String> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {

        Exchange {
            Map<String, String> req = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            req.putAll(requestHeaders);
            requestHeaders = Collections.unmodifiableMap(req);
            Map<String, List<String>> res = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            res.putAll(responseHeaders);
            responseHeaders = Collections.unmodifiableMap(res);
        }

        String responseHeader(String name) {
            List<String> values = responseHeaders.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return method + " " + path + " answered " + status;
        }
    }

    private record Template(String template, Pattern regex, int literals) {}

    private record Located(JsonNode node, String pointer) {}

    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new HashMap<>();
    /** "METHOD /template" of every operation an answer was checked against, across all tests in this JVM. */
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private OpenApiContract() {
        try (var in = OpenApiContract.class.getResourceAsStream("/org/linkway/schemas/openapi.yaml")) {
            doc = YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        // the document is OpenAPI 3.1; the json/ files it references say draft 2020-12 themselves
        registry = SchemaRegistry.withDialects(
                List.of(quiet(Dialects.getOpenApi31()), quiet(Dialects.getDraft202012())),
                b -> b.defaultDialectId(Dialects.getOpenApi31().getId()).schemaRegistryConfig(config));
        for (String template : doc.path("paths").propertyNames()) {
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            templates.add(new Template(template, Pattern.compile(regex.toString()), literals));
        }
    }

    /** Linkway's own annotations ({@code x-prsb}, ...) and the code generator's are annotations, not unknown keywords to warn about. */
    private static Dialect quiet(Dialect dialect) {
        return Dialect.builder(dialect)
                .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name))
                .build();
    }

    static OpenApiContract get() {
        return INSTANCE;
    }

    /** Fails the test, naming every way the exchange departs from the document. */
    void check(Exchange e) {
        List<String> violations = violations(e);
        if (!violations.isEmpty()) {
            throw new AssertionError("the answer breaks schemas/openapi.yaml: " + e + "\n  - "
                    + String.join("\n  - ", violations) + "\n  body: " + abbreviate(e.responseBody()));
        }
    }

    /** Every way the exchange departs from the document; empty when it keeps to it. */
    List<String> violations(Exchange e) {
        List<String> out = new ArrayList<>();
        problemType(e, out);
        Optional<Template> template = templates.stream()
                .filter(t -> t.regex().matcher(e.path()).matches())
                .max((a, b) -> Integer.compare(a.literals(), b.literals())); // a literal segment beats a template
        if (template.isEmpty()) {
            expect(e, 404, "/components/responses/NotFound", out);
            return out;
        }
        String pathPointer = "/paths/" + escape(template.get().template());
        JsonNode pathItem = doc.at(pathPointer);
        String method = e.method().toLowerCase(Locale.ROOT);
        if (!pathItem.has(method)) {
            expect(e, 405, "/components/responses/MethodNotAllowed", out);
            Set<String> declared = new TreeSet<>();
            pathItem.propertyNames().stream()
                    .filter(METHODS::contains)
                    .forEach(m -> declared.add(m.toUpperCase(Locale.ROOT)));
            String allow = e.responseHeader("Allow");
            Set<String> offered = allow == null
                    ? Set.of()
                    : Set.of(allow.split("\\s*,\\s*")).stream()
                            .filter(s -> !s.isBlank())
                            .collect(Collectors.toCollection(TreeSet::new));
            if (!offered.equals(declared)) {
                out.add("Allow is '" + allow + "' but the document declares " + declared + " on "
                        + template.get().template());
            }
            return out;
        }
        exercised.add(e.method().toUpperCase(Locale.ROOT) + " " + template.get().template());
        String opPointer = pathPointer + "/" + method;
        JsonNode responses = doc.at(opPointer + "/responses");
        String code = String.valueOf(e.status());
        // the document's default response is "any other error": a success must be declared by its code
        String key = responses.has(code)
                ? code
                : responses.has(code.charAt(0) + "XX")
                        ? code.charAt(0) + "XX"
                        : e.status() >= 400 && responses.has("default") ? "default" : null;
        if (key == null) {
            out.add("status " + code + " is not declared for " + e.method() + " "
                    + template.get().template() + " (declared: " + responses.propertyNames() + ")");
        } else {
            response(e, opPointer + "/responses/" + escape(key), out);
        }
        if (e.status() >= 200 && e.status() < 300) {
            request(e, pathPointer, opPointer, out);
        }
        return out;
    }

    /**
     * A problem document's type must be in the catalogue ({@link ProblemType}, which the document's
     * table is rendered from) with the status and title it gives, so every test that receives a
     * problem checks the catalogue is complete.
     */
    private void problemType(Exchange e, List<String> out) {
        if (!"application/problem+json".equals(mediaType(e.responseHeader("Content-Type")))
                || e.responseBody() == null) {
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(e.responseBody());
        } catch (JacksonException notJson) {
            return; // the schema check reports it
        }
        String type = problem.path("type").asString("");
        Optional<ProblemType> known = ProblemType.fromType(type);
        if (known.isEmpty()) {
            out.add("problem type '" + type + "' is not in the catalogue (org.linkway.model.ProblemType)");
            return;
        }
        if (known.get().status() != e.status()) {
            out.add("problem type '" + type + "' answered " + e.status() + " but the catalogue gives it "
                    + known.get().status());
        }
        if (!known.get().title().equals(problem.path("title").asString(""))) {
            out.add("problem type '" + type + "' has title '"
                    + problem.path("title").asString("") + "', not the catalogue's '"
                    + known.get().title() + "'");
        }
    }

    /** The operations the document marks {@code implemented} that no checked answer has come from yet. */
    Set<String> implementedButNotExercised() {
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (METHODS.contains(op.getKey())
                        && op.getValue().path("x-linkway-status").asString("").equals("implemented")
                        && !exercised.contains(key)) {
                    missing.add(key);
                }
            }
        }
        return missing;
    }

    /** An answer outside any declared operation must be the named reusable response, with that status. */
    private void expect(Exchange e, int status, String responsePointer, List<String> out) {
        if (e.status() != status) {
            out.add(e.method() + " " + e.path() + " is not an operation of the document, so it must answer " + status);
        }
        response(e, responsePointer, out);
    }

    private void response(Exchange e, String pointer, List<String> out) {
        Located response = deref(pointer);
        for (Map.Entry<String, JsonNode> h : response.node().path("headers").properties()) {
            Located header = deref(response.pointer() + "/headers/" + escape(h.getKey()));
            String value = e.responseHeader(h.getKey());
            if (value == null) {
                if (header.node().path("required").asBoolean(false)) {
                    out.add("required header " + h.getKey() + " is missing");
                }
            } else if (header.node().has("schema")) {
                for (Error err : schema(header.pointer() + "/schema").validate(StringNode.valueOf(value))) {
                    out.add("header " + h.getKey() + " '" + value + "': " + err.getMessage());
                }
            }
        }
        JsonNode content = response.node().path("content");
        String body = e.responseBody() == null ? "" : e.responseBody();
        if (body.isEmpty()) {
            if (!content.isEmpty()) {
                out.add("the response declares a body (" + content.propertyNames() + ") but there is none");
            }
            return;
        }
        if (content.isEmpty()) {
            out.add("the response declares no body but one came");
            return;
        }
        String type = mediaType(e.responseHeader("Content-Type"));
        if (!content.has(type)) {
            out.add("Content-Type '" + e.responseHeader("Content-Type") + "' is not declared (declared: "
                    + content.propertyNames() + ")");
            return;
        }
        if (content.path(type).has("schema") && isJson(type)) {
            validate(response.pointer() + "/content/" + escape(type) + "/schema", body, Set.of(), "body", out);
        }
    }

    /** A request the server accepted: its body, content type and required headers must be ones the document allows. */
    private void request(Exchange e, String pathPointer, String opPointer, List<String> out) {
        List<JsonNode> parameters = new ArrayList<>();
        doc.at(pathPointer + "/parameters").forEach(parameters::add);
        doc.at(opPointer + "/parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode param = p.has("$ref")
                    ? deref(p.path("$ref").asString().substring(1)).node()
                    : p;
            if (param.path("in").asString("").equals("header")
                    && param.path("required").asBoolean(false)
                    && !e.requestHeaders().containsKey(param.path("name").asString())) {
                out.add("the server accepted a request without the required header "
                        + param.path("name").asString());
            }
        }
        Located body = deref(opPointer + "/requestBody");
        if (body.node().isMissingNode() || e.requestBody() == null) {
            return;
        }
        String type = mediaType(e.requestHeaders().get("Content-Type"));
        JsonNode content = body.node().path("content");
        if (!content.has(type)) {
            out.add("the server accepted a body sent as '" + type + "' (declared: " + content.propertyNames() + ")");
        } else if (content.path(type).has("schema") && isJson(type)) {
            validate(
                    body.pointer() + "/content/" + escape(type) + "/schema",
                    e.requestBody(),
                    TOLERATED_IN_REQUESTS,
                    "the server accepted a request body the document refuses",
                    out);
        }
    }

    private void validate(String schemaPointer, String text, Set<String> tolerated, String what, List<String> out) {
        JsonNode instance;
        try {
            instance = JSON.readTree(text);
        } catch (JacksonException notJson) {
            out.add(what + " is not JSON: " + notJson.getOriginalMessage());
            return;
        }
        for (Error err : schema(schemaPointer).validate(instance)) {
            if (!tolerated.contains(err.getKeyword())) {
                out.add(what + ": " + err.getInstanceLocation() + " " + err.getMessage());
            }
        }
    }

    private synchronized Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            Schema s = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p));
            s.initializeValidators();
            return s;
        });
    }

    /** Follows {@code #/...} references between reusable objects (responses, headers, parameters). */
    private Located deref(String pointer) {
        JsonNode node = doc.at(pointer);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are expected at " + pointer + ": " + ref);
            }
            pointer = ref.substring(1);
            node = doc.at(pointer);
        }
        return new Located(node, pointer);
    }

    /**
     * Bodies are checked against their schema only in a JSON media type: a CSV, an XLSX workbook or a
     * multipart form is described by its schema for people, and its content type is still checked.
     */
    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }
}
