package org.linkway.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.linkway.server.http.ApiProblem;

/**
 * The pages' styles, scripts and images, served from the jar: the NHS.UK frontend's, which the
 * Maven build copies out of its npm package, and Linkway's own. Names are a fixed shape (no
 * {@code ..}, no folders but {@code images/}), so no path reaches past the asset folder.
 */
final class Assets {

    static final String ROOT = "/org/linkway/server/web/assets/";
    private static final Pattern NAME = Pattern.compile("(images/)?[a-z0-9][a-z0-9.\\-]*\\.(css|js|svg|png|ico|json)");
    /**
     * The stylesheet's {@code @font-face} rules name fonts on an NHS host, licensed for NHS
     * services: a page of this server would call out to it on every view, which the content
     * security policy refuses anyway. Without them the frontend's own fallback fonts apply.
     */
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    void register(RoutesConfig routes) {
        routes.get("/assets/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
        routes.get("/assets/images/{file}", ctx -> serve(ctx, "images/" + ctx.pathParam("file")));
    }

    /** Whether the build put the NHS.UK frontend's stylesheet in the jar (not when npm was skipped). */
    boolean frontendPresent() {
        return load("nhsuk-frontend.min.css").isPresent();
    }

    private void serve(Context ctx, String name) {
        if (!NAME.matcher(name).matches()) {
            throw ApiProblem.notFound("asset", name);
        }
        byte[] bytes = load(name).orElseThrow(() -> ApiProblem.notFound("asset", name));
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        // the same jar serves the same bytes: a browser may keep them for an hour
        ctx.status(200)
                .contentType(type)
                .header("Cache-Control", "public, max-age=3600")
                .result(bytes);
    }

    private Optional<byte[]> load(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = Assets.class.getResourceAsStream(ROOT + n)) {
                if (in == null) {
                    return Optional.empty();
                }
                byte[] bytes = in.readAllBytes();
                if (n.startsWith("nhsuk-frontend") && n.endsWith(".css")) {
                    String css = new String(bytes, StandardCharsets.UTF_8);
                    bytes = FONT_FACE.matcher(css).replaceAll("").getBytes(StandardCharsets.UTF_8);
                }
                return Optional.of(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
