package org.linkway.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.Map;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one place errors become RFC 9457 problem documents. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** Renders a problem in another form for some paths (the FHIR facade answers OperationOutcome). */
    @FunctionalInterface
    public interface Renderer {
        void render(Context ctx, ApiProblem problem);
    }

    public static void register(RoutesConfig routes) {
        register(routes, Map.of());
    }

    /**
     * @param byPathPrefix renderers for paths under a prefix; every other path gets a problem document
     */
    public static void register(RoutesConfig routes, Map<String, Renderer> byPathPrefix) {
        Renderer out = (ctx, p) -> byPathPrefix.entrySet().stream()
                .filter(e -> ctx.path().startsWith(e.getKey()))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElse(Problems::write)
                .render(ctx, p);
        routes.exception(ApiProblem.class, (e, ctx) -> out.render(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e instanceof MethodNotAllowedResponse) {
                ctx.header("Allow", e.getDetails().getOrDefault("availableMethods", ""));
                out.render(
                        ctx,
                        new ApiProblem(
                                ProblemType.METHOD_NOT_ALLOWED,
                                ctx.method() + " is not supported on " + ctx.path() + "; it supports "
                                        + e.getDetails().getOrDefault("availableMethods", "no method")));
                return;
            }
            out.render(ctx, fromJavalin(e));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            ApiProblem clients = ClientFaults.of(e);
            if (clients != null) {
                // the client's mistake (a short body, a bad chunk, a slow body): one line, no stack trace
                LOG.debug("request {} refused: {}", RequestIds.of(ctx), clients.detail());
                out.render(ctx, clients);
                return;
            }
            LOG.error("request {} failed", RequestIds.of(ctx), e);
            out.render(
                    ctx,
                    new ApiProblem(
                            ProblemType.SERVER_ERROR,
                            "the server failed to handle this request; quote request id " + RequestIds.of(ctx)
                                    + " when reporting it"));
        });
        routes.error(404, ctx -> {
            // a 404 a handler already explained keeps its explanation
            String written = ctx.res().getContentType();
            if (written == null || !(written.startsWith(CONTENT_TYPE) || written.startsWith("application/fhir+json"))) {
                out.render(
                        ctx,
                        new ApiProblem(ProblemType.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    /** Javalin's own refusals, in the catalogue's words: the server throws none of these itself. */
    private static ApiProblem fromJavalin(HttpResponseException e) {
        String said = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return switch (e.getStatus()) {
            case 401 -> new ApiProblem(ProblemType.UNAUTHORISED, "the request is not authenticated" + said);
            case 403 -> new ApiProblem(ProblemType.FORBIDDEN, "the request is not allowed" + said);
            case 404 -> new ApiProblem(ProblemType.NOT_FOUND, "not found" + said);
            case 413 -> new ApiProblem(ProblemType.TOO_LARGE, "the request body is larger than this server accepts");
            default ->
                e.getStatus() >= 400 && e.getStatus() < 500
                        ? new ApiProblem(
                                ProblemType.BAD_REQUEST,
                                "the request cannot be handled (HTTP " + e.getStatus() + ")" + said)
                        : new ApiProblem(
                                ProblemType.SERVER_ERROR,
                                "the server failed to handle this request (HTTP " + e.getStatus() + ")" + said);
        };
    }

    public static void write(Context ctx, ApiProblem p) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("type", p.type());
        doc.put("title", p.title());
        doc.put("status", p.status());
        doc.put("detail", p.detail());
        doc.put("instance", ctx.path());
        doc.put("requestId", RequestIds.of(ctx));
        p.members().forEach((name, value) -> doc.set(name, Json.MAPPER.valueToTree(value)));
        if (!p.findings().isEmpty()) {
            ArrayNode findings = doc.putArray("findings");
            for (Finding f : p.findings()) {
                ObjectNode n = findings.addObject();
                n.put("severity", f.severity().name());
                n.put("ruleId", f.ruleId());
                n.put("pointer", f.pointer());
                n.put("prsbPath", f.prsbPath());
                n.put("message", f.message());
            }
            if (p.findingsOmitted() > 0) {
                doc.put("findingsOmitted", p.findingsOmitted());
            }
        }
        ctx.status(p.status()).contentType(CONTENT_TYPE).result(Json.write(doc));
    }
}
