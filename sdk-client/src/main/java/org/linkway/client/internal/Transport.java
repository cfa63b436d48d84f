package org.linkway.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.linkway.client.RetryPolicy;
import org.linkway.client.TokenProvider;
import org.linkway.client.error.LinkwayException;
import org.linkway.client.error.TransportException;
import org.linkway.client.error.UnexpectedResponseException;

/**
 * The one place requests go out: headers every call carries, retries under the policy, and
 * error answers turned into exceptions. Immutable and shared by every resource of a client.
 *
 * <pre>{@code
 * CompletableFuture<ApiResponse> answer = transport.send(ApiRequest.get("/v1/referrals/" + id));
 * ApiResponse ok = Transport.join(answer); // or a LinkwayException
 * }</pre>
 */
public final class Transport {

    private final URI baseUrl;
    private final HttpClient http;
    private final TokenProvider tokens;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final String userAgent;
    private final Clock clock;

    private Transport(
            URI baseUrl,
            HttpClient http,
            TokenProvider tokens,
            RetryPolicy retry,
            Duration requestTimeout,
            String userAgent,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.tokens = tokens;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** The client's builder creates its transport here; nothing else should. */
    public static Transport create(
            URI baseUrl,
            HttpClient http,
            TokenProvider tokens,
            RetryPolicy retry,
            Duration requestTimeout,
            String userAgent,
            Clock clock) {
        return new Transport(baseUrl, http, tokens, retry, requestTimeout, userAgent, clock);
    }

    /** Sends the call, retrying as the policy allows; completes with a 2xx/304 answer or a {@link LinkwayException}. */
    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        // one id for the logical call: every attempt is logged under it on the server
        return attempt(request, UUID.randomUUID().toString(), 1);
    }

    private CompletableFuture<ApiResponse> attempt(ApiRequest request, String requestId, int attempt) {
        HttpRequest outgoing;
        try {
            outgoing = build(request, requestId);
        } catch (LinkwayException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new TransportException(
                    "transport",
                    requestId,
                    "could not prepare " + request.method() + " " + request.path() + ": " + e.getMessage(),
                    e));
        }
        return http.sendAsync(outgoing, HttpResponse.BodyHandlers.ofByteArray())
                .handle((answer, error) -> error != null
                        ? afterFailure(request, requestId, attempt, unwrap(error))
                        : afterAnswer(request, requestId, attempt, answer))
                .thenCompose(next -> next);
    }

    private CompletableFuture<ApiResponse> afterFailure(
            ApiRequest request, String requestId, int attempt, Throwable error) {
        // a refused connection carried nothing; a dropped one may have carried the request to the server
        boolean neverSent = error instanceof ConnectException || error instanceof HttpConnectTimeoutException;
        boolean retryable = error instanceof IOException && (neverSent || request.replayable());
        if (retryable && attempt < retry.maxAttempts()) {
            return later(request, requestId, attempt, null);
        }
        String code = error instanceof HttpTimeoutException && !neverSent ? "timeout" : "transport";
        return CompletableFuture.failedFuture(new TransportException(
                code,
                requestId,
                request.method() + " " + request.path() + " failed after " + attempt + " attempt(s): " + error,
                error));
    }

    private CompletableFuture<ApiResponse> afterAnswer(
            ApiRequest request, String requestId, int attempt, HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        String answeredId = answer.headers().firstValue("X-Request-Id").orElse(requestId);
        if (status >= 200 && status < 300 || status == 304) {
            return CompletableFuture.completedFuture(
                    new ApiResponse(status, answer.headers(), answer.body(), answeredId));
        }
        Duration retryAfter =
                RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock);
        boolean throttled = status == 429 || status == 503;
        boolean waitAcceptable = retryAfter == null || retryAfter.compareTo(retry.maxRetryAfter()) <= 0;
        if (throttled && waitAcceptable && attempt < retry.maxAttempts()) {
            return later(request, requestId, attempt, retryAfter);
        }
        return CompletableFuture.failedFuture(ProblemMapper.map(
                status,
                answer.headers().firstValue("Content-Type").orElse(null),
                answer.body(),
                answeredId,
                retryAfter));
    }

    private CompletableFuture<ApiResponse> later(
            ApiRequest request, String requestId, int attempt, Duration retryAfter) {
        Duration wait = retry.delayBefore(
                attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
        return retry.sleeper()
                .sleep(wait)
                .toCompletableFuture()
                .thenCompose(done -> attempt(request, requestId, attempt + 1));
    }

    private HttpRequest build(ApiRequest request, String requestId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent)
                .header("X-Request-Id", requestId);
        String token = tokens.token();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < request.headers().size(); i += 2) {
            b.setHeader(request.headers().get(i), request.headers().get(i + 1));
        }
        if (request.body() == null) {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        return b.build();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Waits for a call made the asynchronous way and hands back its value, or throws the
     * {@link LinkwayException} it failed with: how every synchronous method is made.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new TransportException("interrupted", null, "interrupted while waiting for the server", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof LinkwayException le) {
                throw le;
            }
            throw new UnexpectedResponseException(0, null, "the call failed unexpectedly: " + cause, cause);
        }
    }
}
