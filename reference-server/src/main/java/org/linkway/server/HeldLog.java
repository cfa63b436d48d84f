package org.linkway.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error held back while the server starts, then written out in order: the logger
 * (slf4j-simple) writes to whatever {@code System.err} is at the moment, so during the start its
 * lines (Jetty, Flyway, the demo data) collect here, and {@link Main} prints the essentials first.
 */
final class HeldLog {

    private final PrintStream original;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private HeldLog(PrintStream original) {
        this.original = original;
    }

    static HeldLog hold() {
        HeldLog held = new HeldLog(System.err);
        System.setErr(new PrintStream(held.buffer, true, StandardCharsets.UTF_8));
        return held;
    }

    /** Restores standard error and writes what was held to it. Safe to call twice. */
    void release() {
        if (System.err == original) {
            return;
        }
        System.setErr(original);
        synchronized (buffer) {
            original.write(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
        original.flush();
    }
}
