package org.linkway.server.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.validation.Finding;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/$validate}: the message inspector's check as an API, for the conformance kit,
 * a vendor's CI or any tool. No token, nothing stored; limited in size and in rate per client
 * address. The answer is 200 whatever the message's findings: the request itself succeeded.
 */
final class ValidateRoute {

    static final String PATH = "/v1/$validate";

    private final Inspection inspection;
    private final Limits limits;

    ValidateRoute(Inspection inspection, Limits limits) {
        this.inspection = inspection;
        this.limits = limits;
    }

    void handle(Context ctx) {
        limits.take(ctx);
        limits.checkDeclared(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") && !type.startsWith("application/fhir+json")) {
            throw new ApiProblem(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the message as application/json (or application/fhir+json for a FHIR Bundle)"
                            + (type.isEmpty() ? "" : ", not " + type));
        }
        byte[] body = ctx.bodyAsBytes();
        limits.check(body.length);
        Inspection.Result result = inspection.inspect(new String(body, StandardCharsets.UTF_8));
        Json.respond(ctx, 200, answer(result));
    }

    static ObjectNode answer(Inspection.Result result) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("valid", result.valid());
        out.put("form", result.form().key());
        out.put("messageType", result.messageType().orElse(null));
        ArrayNode findings = out.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("severity", f.severity().name());
            finding.put("ruleId", f.ruleId());
            finding.put("pointer", f.pointer());
            finding.put("prsbPath", f.prsbPath());
            finding.put("message", f.message());
        }
        if (result.converted().isPresent()) {
            ObjectNode converted = out.putObject("converted");
            converted.put("form", result.convertedForm().key());
            converted.set("document", Json.MAPPER.readTree(result.converted().get()));
        } else {
            out.putNull("converted");
        }
        return out;
    }
}
