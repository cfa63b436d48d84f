package org.linkway.server.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.OptionalLong;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;

/** The open validation's two limits, shared by the endpoint and the inspector page: how often, and how much. */
final class Limits {

    private final RateLimit rate;
    private final int maxBytes;

    Limits(WebSettings settings, Clock clock) {
        this.rate = new RateLimit(settings.validatePerMinute(), clock);
        this.maxBytes = settings.validateMaxBytes();
    }

    int maxBytes() {
        return maxBytes;
    }

    /** Counts this request against its client address, or refuses it with 429 and {@code Retry-After}. */
    void take(Context ctx) {
        OptionalLong wait = rate.take(ctx.ip());
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            throw new ApiProblem(
                    ProblemType.TOO_MANY_REQUESTS,
                    "this client address has asked for more validations in the last minute than this server takes;"
                            + " retry after " + wait.getAsLong() + " s");
        }
    }

    /** Refuses by the declared length before reading, and by the real length after (a chunked body declares none). */
    void checkDeclared(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
    }

    void check(int length) {
        if (length > maxBytes) {
            throw tooLarge(length);
        }
    }

    private ApiProblem tooLarge(long length) {
        return new ApiProblem(
                ProblemType.TOO_LARGE,
                "the message is " + length + " bytes; validation takes at most " + maxBytes
                        + " (the message inspector's limit)");
    }
}
