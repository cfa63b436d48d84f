package org.linkway.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.linkway.model.ProblemType;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first thing every request meets, before Javalin: the headers every answer carries, a cap
 * on the requests one bearer token and one client address may have in progress (429 with
 * {@code Retry-After} beyond it), and a request body that must keep up a minimum rate and arrive
 * whole by a deadline. Jetty's own idle timeout restarts with every byte, so a client sending a
 * byte every few seconds would hold a thread for as long as it liked; here the idle timeout of
 * the connection is shortened, while the body is read, to the moment the body falls behind.
 *
 * <p>{@code /health} is not capped: a load balancer's probe from the same address as a greedy
 * client must still learn that the server is up, and it reads no body.
 */
public final class RequestGuard extends Handler.Wrapper {

    static final String HEALTH = "/health";

    private final EdgeSettings settings;
    private final ConcurrentHashMap<String, Integer> byToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final IntConsumer refused;

    /**
     * @param refused told of each request refused here with its status, for the audit trail's
     *     summary of requests refused before anyone was authenticated
     */
    public RequestGuard(EdgeSettings settings, IntConsumer refused) {
        this.settings = settings;
        this.refused = refused;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ApiHeaders.apply(response.getHeaders());
        TimedBody body = new TimedBody(request);
        if (HEALTH.equals(request.getHttpURI().getPath())) {
            return super.handle(body, response, Callback.from(callback, body::restore));
        }
        String address = Request.getRemoteAddr(request);
        String token = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (!take(byAddress, address, settings.maxPerAddress())) {
            return tooMany(request, response, callback, "client address " + address, settings.maxPerAddress());
        }
        if (token != null && !take(byToken, token, settings.maxPerToken())) {
            give(byAddress, address);
            return tooMany(request, response, callback, "bearer token", settings.maxPerToken());
        }
        Runnable release = () -> {
            body.restore();
            give(byAddress, address);
            if (token != null) {
                give(byToken, token);
            }
        };
        boolean handled;
        try {
            handled = super.handle(body, response, Callback.from(callback, release));
        } catch (Exception | Error e) {
            release.run();
            throw e;
        }
        if (!handled) {
            release.run();
        }
        return handled;
    }

    /** Requests in progress now with this token and from this address: what the tests watch. */
    int inProgress() {
        return byAddress.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean take(ConcurrentHashMap<String, Integer> counts, String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private boolean tooMany(Request request, Response response, Callback callback, String who, int max) {
        refused.accept(429);
        String id = UUID.randomUUID().toString();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("type", ProblemType.TOO_MANY_REQUESTS.type());
        doc.put("title", ProblemType.TOO_MANY_REQUESTS.title());
        doc.put("status", 429);
        doc.put(
                "detail",
                "this " + who + " already has " + max
                        + " requests in progress, the most this server takes at once; retry after "
                        + settings.retryAfterSeconds() + " s");
        doc.put("instance", request.getHttpURI().getPath());
        doc.put("requestId", id);
        response.setStatus(429);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(settings.retryAfterSeconds()));
        response.getHeaders().put(RequestIds.HEADER, id);
        // the body was not read: the connection closes after the answer rather than wait for it
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(Json.write(doc).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /**
     * The body, read against the clock: before each wait for more, the connection's idle timeout is
     * set to the moment the body would fall below the minimum rate or pass the deadline, so Jetty's
     * own timer ends the wait then; a body already behind fails at once.
     */
    private final class TimedBody extends Request.Wrapper {
        private final long started = NanoTime.now();
        private final EndPoint endPoint;
        private final long idleTimeout;
        private long bytes;
        private volatile Content.Chunk failure;

        TimedBody(Request request) {
            super(request);
            this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            // the connector's setting, not the end point's current value: a request that starts on a
            // kept-alive connection before the previous one restored it would otherwise keep the
            // shortened body timeout for the rest of the connection, and idle clients lose it mid-send
            this.idleTimeout = request.getConnectionMetaData().getConnector().getIdleTimeout();
        }

        @Override
        public void demand(Runnable more) {
            if (failure == null) {
                long allowedMillis = allowedMillis();
                if (allowedMillis <= 0) {
                    failure = Content.Chunk.from(slow(), true);
                } else {
                    endPoint.setIdleTimeout(Math.min(idleTimeout, allowedMillis));
                }
            }
            if (failure != null) {
                more.run();
                return;
            }
            super.demand(more);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null) {
                return null;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (chunk.getFailure() instanceof TimeoutException && allowedMillis() <= 0) {
                    failure = Content.Chunk.from(slow(), true);
                    endPoint.setIdleTimeout(idleTimeout);
                    return failure;
                }
                return chunk;
            }
            bytes += chunk.remaining();
            if (chunk.isLast()) {
                endPoint.setIdleTimeout(idleTimeout);
            }
            return chunk;
        }

        /** The connection's own idle timeout again, for its next request. */
        void restore() {
            endPoint.setIdleTimeout(idleTimeout);
        }

        /** How much longer the body may take from now: to the deadline, or to where its rate falls below the minimum. */
        private long allowedMillis() {
            long elapsed = NanoTime.millisSince(started);
            long byDeadline = settings.bodyDeadline().toMillis() - elapsed;
            if (settings.minBodyBytesPerSecond() == 0) {
                return byDeadline;
            }
            long byRate = settings.bodyGrace().toMillis() + bytes * 1000 / settings.minBodyBytesPerSecond() - elapsed;
            return Math.min(byDeadline, byRate);
        }

        private SlowBodyException slow() {
            return new SlowBodyException(bytes, NanoTime.millisSince(started), settings);
        }
    }
}
