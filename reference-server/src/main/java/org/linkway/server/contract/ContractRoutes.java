package org.linkway.server.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract the server keeps, served by the server itself: {@code GET /openapi.json} (the
 * OpenAPI document from the schemas module) and {@code GET /json/{file}}, the JSON Schemas its
 * relative {@code $ref}s name, so a client or a conformance kit can resolve the whole document
 * from this server alone.
 */
public final class ContractRoutes {

    private static final String ROOT = "/org/linkway/schemas/";
    private static final Set<String> SCHEMAS = Set.of("common.schema.json", "prsb-sections.schema.json", "referral.schema.json",
            "message-back.schema.json", "consent.schema.json", "care-plan.schema.json", "assessment.schema.json",
            "onward-referral.schema.json", "signpost.schema.json", "contact-record.schema.json");

    /**
     * The document as JSON, converted on a thread of its own: loading the YAML parser and reading
     * the document takes about a second of a cold start, and nothing else waits for it.
     */
    private final CompletableFuture<String> openApiJson;

    public ContractRoutes() {
        if (ContractRoutes.class.getResource(ROOT + "openapi.yaml") == null) {
            throw new IllegalStateException("openapi.yaml missing from the classpath");
        }
        openApiJson = new CompletableFuture<>();
        Thread converter = new Thread(() -> {
            try (InputStream in = ContractRoutes.class.getResourceAsStream(ROOT + "openapi.yaml")) {
                openApiJson.complete(Json.write(YAMLMapper.builder().build().readTree(in)));
            } catch (IOException | RuntimeException e) {
                openApiJson.completeExceptionally(e);
            }
        }, "linkway-openapi");
        converter.setDaemon(true);
        converter.start();
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> Json.respond(ctx, 200, openApiJson.join()));
        routes.get("/json/{file}", this::schema);
    }

    private void schema(Context ctx) {
        String file = ctx.pathParam("file");
        if (!SCHEMAS.contains(file)) {
            throw ApiProblem.notFound("schema", file);
        }
        try (InputStream in = ContractRoutes.class.getResourceAsStream(ROOT + "json/" + file)) {
            ctx.status(200).contentType("application/schema+json").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
