package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A start without a heap limit on a large machine is told so; one with a limit, or on a small machine, is not. */
class HeapCheckTest {

    private static final long SIX_GB = 6L << 30;

    @Test
    void the_default_heap_of_a_large_machine_is_warned_of() {
        assertThat(HeapCheck.warning(SIX_GB, List.of("-jar", "linkway-server.jar", "--dev")))
                .hasValueSatisfying(w -> assertThat(w).contains("6144 MB").contains("-Xmx512m"));
    }

    @Test
    void a_chosen_limit_or_a_small_default_is_not() {
        assertThat(HeapCheck.warning(SIX_GB, List.of("-Xmx8g", "-jar", "linkway-server.jar")))
                .isEmpty();
        assertThat(HeapCheck.warning(SIX_GB, List.of("-XX:MaxRAMPercentage=75", "-cp", "x")))
                .isEmpty();
        assertThat(HeapCheck.warning(SIX_GB, List.of("-XX:+UseSerialGC -XX:MaxHeapSize=512m")))
                .isEmpty();
        assertThat(HeapCheck.warning(512L << 20, List.of("-jar", "linkway-server.jar")))
                .isEmpty();
    }
}
