package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

class JettyHintsTest {

    @Test
    void the_hint_is_a_property_jetty_still_reads() throws IOException {
        // if a Jetty upgrade renames it, the hint silently stops working and start-up loads JMX again
        try (InputStream in = MemoryUtils.class.getResourceAsStream("MemoryUtils.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(constants).contains(JettyHints.REFERENCES_PER_CACHE_LINE);
        }
    }

    @Test
    void an_operators_value_is_kept_and_a_missing_one_is_filled_in() {
        String before = System.getProperty(JettyHints.REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(JettyHints.REFERENCES_PER_CACHE_LINE, "8");
            JettyHints.apply();
            assertThat(System.getProperty(JettyHints.REFERENCES_PER_CACHE_LINE)).isEqualTo("8");
            System.clearProperty(JettyHints.REFERENCES_PER_CACHE_LINE);
            JettyHints.apply();
            assertThat(System.getProperty(JettyHints.REFERENCES_PER_CACHE_LINE)).isEqualTo("16");
        } finally {
            if (before == null) {
                System.clearProperty(JettyHints.REFERENCES_PER_CACHE_LINE);
            } else {
                System.setProperty(JettyHints.REFERENCES_PER_CACHE_LINE, before);
            }
        }
    }
}
