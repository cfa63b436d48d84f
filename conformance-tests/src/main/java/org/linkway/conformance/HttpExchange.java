package org.linkway.conformance;

import java.util.List;
import java.util.Map;

/**
 * One request the kit sent during a test and the answer it got, as kept in the reports: with
 * personal data, tokens and secrets redacted and each body clipped at 8 KB (the redaction rule is
 * in docs/CONFORMANCE.md, "What the reports hold").
 *
 * @param method          the HTTP method
 * @param url             the URL the request went to
 * @param status          the answer's status; 0 when no answer came (the reason is the response body)
 * @param requestHeaders  the headers the kit set, Authorization redacted
 * @param requestBody     the body sent, redacted and clipped ("" for none)
 * @param responseHeaders the answer's headers
 * @param responseBody    the body received, redacted and clipped
 */
public record HttpExchange(
        String method,
        String url,
        int status,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        Map<String, List<String>> responseHeaders,
        String responseBody) {

    public HttpExchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }
}
