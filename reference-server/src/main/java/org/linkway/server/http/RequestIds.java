package org.linkway.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every response carries {@code X-Request-Id}: the caller's own if it sent a safe one, else a
 * new one. The same id is in the request's log line and in any problem document, so a vendor's
 * support ticket can be matched to the server's log.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ATTRIBUTE = "linkway.requestId";
    private static final String STARTED = "linkway.started";
    private static final Logger LOG = LoggerFactory.getLogger("org.linkway.server.access");

    private RequestIds() {}

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String given = ctx.header(HEADER);
            String id = given != null && SAFE.matcher(given).matches()
                    ? given
                    : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.attribute(STARTED, System.nanoTime());
            ctx.header(HEADER, id);
        });
        routes.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            long micros = started == null ? -1 : (System.nanoTime() - started) / 1000;
            // no query string, headers or body: they can carry personal data or tokens
            LOG.info(
                    "{} {} {} {} {}us",
                    of(ctx),
                    ctx.method(),
                    ctx.path(),
                    ctx.status().getCode(),
                    micros);
        });
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
