package org.linkway.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.linkway.model.ProblemType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jetty's own answers (a request line it cannot parse, a URI or headers too long, an HTTP version
 * it does not speak, a malformed chunk) as RFC 9457 problem documents with the API's headers,
 * instead of its HTML page. A status the catalogue names gets that type; any other gets
 * {@code about:blank}, which RFC 9457 reserves for "nothing to add to the status".
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private static final int MAX_DETAIL = 200;

    /** Every method gets the document, not only GET, POST and HEAD as Jetty's page does: a bad DELETE is a client error too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        ApiHeaders.apply(headers);
        String id = UUID.randomUUID().toString();
        headers.put(RequestIds.HEADER, id);
        headers.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.write(true, body(code, message, path, id), callback);
    }

    static ByteBuffer body(int status, String message, String path, String requestId) {
        ProblemType known = catalogued(status);
        ObjectNode doc = Json.MAPPER.createObjectNode();
        String phrase = HttpStatus.getMessage(status);
        doc.put("type", known == null ? "about:blank" : known.type());
        doc.put("title", known == null ? phrase : known.title());
        doc.put("status", status);
        doc.put("detail", detail(status, message, phrase));
        if (path != null) {
            doc.put("instance", path.length() > MAX_DETAIL ? path.substring(0, MAX_DETAIL) + "..." : path);
        }
        doc.put("requestId", requestId);
        return ByteBuffer.wrap(Json.write(doc).getBytes(StandardCharsets.UTF_8));
    }

    private static String detail(int status, String message, String phrase) {
        String said = message == null || message.isBlank() || message.equals(phrase) ? "" : ": " + message;
        if (said.length() > MAX_DETAIL) {
            said = said.substring(0, MAX_DETAIL) + "...";
        }
        return switch (status) {
            case 400 -> "the HTTP request cannot be read" + said;
            case 414 -> "the request URI is longer than this server reads" + said;
            case 431 -> "the request headers are larger than this server reads" + said;
            case 505 -> "this server speaks HTTP/1.1 and HTTP/1.0 only" + said;
            default -> phrase + said;
        };
    }

    private static ProblemType catalogued(int status) {
        return switch (status) {
            case 400 -> ProblemType.BAD_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 408 -> ProblemType.REQUEST_TIMEOUT;
            case 413 -> ProblemType.TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.TOO_MANY_REQUESTS;
            case 500 -> ProblemType.SERVER_ERROR;
            default -> null;
        };
    }
}
