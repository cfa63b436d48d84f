package org.linkway.server.http;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.linkway.model.ProblemType;

/**
 * Failures that reach a handler but are the client's doing: a body shorter than its
 * {@code Content-Length}, a malformed chunk, a connection dropped mid-body, a body too slow. They
 * are answered as 4xx problems and logged in one line at debug, never as a server error with a
 * stack trace.
 */
final class ClientFaults {

    private ClientFaults() {}

    /** The problem to answer for {@code e}, or null when it is the server's own failure. */
    static ApiProblem of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlowBodyException slow) {
                return new ApiProblem(ProblemType.REQUEST_TIMEOUT, slow.getMessage());
            }
            if (t instanceof TimeoutException) {
                return new ApiProblem(ProblemType.REQUEST_TIMEOUT, "the request body stopped arriving");
            }
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode() == 413
                        ? new ApiProblem(ProblemType.TOO_LARGE, "the request body is larger than this server accepts")
                        : new ApiProblem(
                                ProblemType.BAD_REQUEST,
                                "the request body cannot be read"
                                        + (http.getReason() == null ? "" : ": " + bounded(http.getReason())));
            }
            if (t instanceof EofException) {
                return new ApiProblem(
                        ProblemType.BAD_REQUEST,
                        "the request body ended early: shorter than its Content-Length, or its last chunk never came");
            }
            if (t instanceof IOException) {
                return new ApiProblem(
                        ProblemType.BAD_REQUEST, "the request body cannot be read: " + bounded(t.getMessage()));
            }
        }
        return null;
    }

    private static String bounded(String s) {
        if (s == null) {
            return "-";
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
