package org.linkway.server.contract;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract the server keeps, served by the server itself: {@code GET /openapi.json} (the
 * OpenAPI document from the schemas module) and {@code GET /json/{file}}, the JSON Schemas its
 * relative {@code $ref}s name, so a client or a conformance kit can resolve the whole document
 * from this server alone.
 */
public final class ContractRoutes {

    private static final String ROOT = "/org/linkway/schemas/";
    private static final Set<String> SCHEMAS = Set.of(
            "common.schema.json",
            "prsb-sections.schema.json",
            "referral.schema.json",
            "message-back.schema.json",
            "consent.schema.json",
            "care-plan.schema.json",
            "assessment.schema.json",
            "onward-referral.schema.json",
            "signpost.schema.json",
            "contact-record.schema.json");

    /**
     * The document as JSON, converted on a thread of its own once the server is listening
     * ({@link #prepare}) or at the first request for it, whichever comes first: loading the YAML
     * parser and reading the document costs about a second of CPU on a cold JVM, and on a small
     * machine start-up would pay for it although nothing at start-up needs it.
     */
    private CompletableFuture<String> openApiJson; // guarded by this

    public ContractRoutes() {
        if (ContractRoutes.class.getResource(ROOT + "openapi.yaml") == null) {
            throw new IllegalStateException("openapi.yaml missing from the classpath");
        }
    }

    /** Starts converting the document in the background, if nothing has asked for it yet. */
    public synchronized CompletableFuture<String> prepare() {
        if (openApiJson == null) {
            CompletableFuture<String> converted = new CompletableFuture<>();
            Thread converter = new Thread(
                    () -> {
                        try (InputStream in = ContractRoutes.class.getResourceAsStream(ROOT + "openapi.yaml")) {
                            converted.complete(
                                    Json.write(YAMLMapper.builder().build().readTree(in)));
                        } catch (IOException | RuntimeException e) {
                            converted.completeExceptionally(e);
                        }
                    },
                    "linkway-openapi");
            converter.setDaemon(true);
            converter.setPriority(Thread.MIN_PRIORITY);
            converter.start();
            openApiJson = converted;
        }
        return openApiJson;
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> Json.respond(ctx, 200, prepare().join()));
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
