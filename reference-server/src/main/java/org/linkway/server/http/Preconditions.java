package org.linkway.server.http;

import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import tools.jackson.databind.JsonNode;

/** {@code If-Match} for changes: no one overwrites a version they did not see. */
public final class Preconditions {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private Preconditions() {}

    /** The version {@code If-Match} names; 428 when it is missing, 400 when it is not one of our ETags. */
    public static long ifMatch(Context ctx, String what) {
        String header = ctx.header("If-Match");
        if (header == null) {
            throw new ApiProblem(
                    ProblemType.IF_MATCH_REQUIRED,
                    "send If-Match with the " + what + "'s ETag so a change made meanwhile is not overwritten");
        }
        return version(header, what);
    }

    /** The version in an ETag such as {@code "3"}; 400 otherwise. */
    public static long version(String etag, String what) {
        Matcher m = ETAG.matcher(etag.strip());
        if (!m.matches()) {
            throw new ApiProblem(ProblemType.BAD_HEADER, "If-Match must be the " + what + "'s ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 412: the version If-Match named is no longer the latest. */
    public static ApiProblem stale(String what, long expected, long current) {
        return new ApiProblem(
                        ProblemType.STALE_VERSION,
                        "If-Match names version " + expected + " but the " + what + " is at version " + current
                                + "; fetch it again and retry")
                .with("currentVersion", current);
    }

    /** The optional {@code reason} of a transition request: text of at most 500 characters. */
    public static String reason(JsonNode request) {
        JsonNode reason = request.path("reason");
        if (!reason.isMissingNode()
                && !reason.isNull()
                && (!reason.isString() || reason.asString().length() > 500)) {
            throw new ApiProblem(
                    ProblemType.INVALID_TRANSITION_REQUEST, "'reason' must be text of at most 500 characters");
        }
        return reason.asString(null);
    }
}
