package org.linkway.server.http;

import io.javalin.http.Context;
import java.util.function.Supplier;
import org.linkway.server.storage.InvalidCursorException;

/** The {@code cursor} and {@code limit} query parameters every list takes, read one way. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {}

    /** {@code limit}: 1 to 500, 50 when absent; 400 otherwise. */
    public static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** {@code cursor}, as given; whether it is one of ours is found when the page is read (see {@link #read}). */
    public static String cursor(Context ctx) {
        return ctx.queryParam("cursor");
    }

    /** Reads a page, turning a cursor this server did not make into 400. */
    public static <T> T read(Supplier<T> page) {
        try {
            return page.get();
        } catch (InvalidCursorException e) {
            throw ApiProblem.badParameter("cursor", "must be a nextCursor value this server returned");
        }
    }
}
