package org.linkway.server;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A jar's manifest cannot set the heap, and without a limit the JVM takes a quarter of the
 * machine's memory: a hostile hour grew an unbounded server to 4.8 GB resident, all of it heap
 * the JVM was allowed and never gave back. The README's command and the container image set a
 * limit; a start without one on a large machine says so once, in the log.
 */
final class HeapCheck {

    /** Above this, a maximum heap nobody chose is worth a warning: the server runs in 192 MB. */
    static final long QUIET_BELOW = 1L << 30;

    private static final List<String> HEAP_FLAGS =
            List.of("-xmx", "-xx:maxheapsize", "-xx:maxrampercentage", "-xx:maxram=", "-xx:maxramfraction");

    private HeapCheck() {}

    /** The warning for this JVM, if its heap limit is the default and large. */
    static Optional<String> forThisJvm() {
        List<String> said = new java.util.ArrayList<>(
                ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()));
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null) {
                said.add(value);
            }
        }
        return warning(Runtime.getRuntime().maxMemory(), said);
    }

    static Optional<String> warning(long maxHeap, List<String> jvmArguments) {
        boolean chosen = jvmArguments.stream()
                .map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> HEAP_FLAGS.stream().anyMatch(a::contains));
        if (chosen || maxHeap < QUIET_BELOW) {
            return Optional.empty();
        }
        return Optional.of(
                "the JVM may grow this server's heap to " + maxHeap / (1024 * 1024)
                        + " MB, its default of a quarter of this machine's memory; start it with a limit, e.g. "
                        + "java -Xmx512m -jar linkway-server.jar (README), or -XX:MaxRAMPercentage=75 in a container with a memory limit");
    }
}
