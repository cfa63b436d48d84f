package org.linkway.server;

/**
 * System properties Jetty reads once, set before it first looks. Each one answers a question Jetty
 * would otherwise put to the JVM in an expensive way; a value the operator set is kept.
 */
final class JettyHints {

    /**
     * Jetty pads its queues to a cache line and, without this property, asks the JVM whether
     * references are compressed by starting the JMX platform server: about 300 classes and a
     * tenth of a second of start-up, for one number. References are compressed on every heap
     * this server is sized for (under 32 GB), so a 64-byte line holds 16 of them; on a larger
     * heap the padding is merely looser than it could be.
     */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettyHints() {}

    static void apply() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }
}
