package org.linkway.server.http;

import java.util.concurrent.TimeoutException;

/** A request body that fell behind the minimum rate or missed the deadline ({@link RequestGuard}); answered 408. */
public final class SlowBodyException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    SlowBodyException(long bytes, long millis, EdgeSettings settings) {
        super("the request body was too slow: " + bytes + " bytes in " + millis + " ms; this server needs "
                + settings.minBodyBytesPerSecond() + " bytes a second after the first "
                + settings.bodyGrace().toSeconds() + " s, and the whole body within "
                + settings.bodyDeadline().toSeconds() + " s");
    }
}
