package org.linkway.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The messages the benchmarks read: the shipped examples, so every number is about a realistic message. */
final class Inputs {

    static final String FULL_REFERRAL = "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json";

    private Inputs() {}

    static byte[] fullReferral() {
        try (InputStream in = Inputs.class.getResourceAsStream(FULL_REFERRAL)) {
            if (in == null) {
                throw new IllegalStateException("example missing from the classpath: " + FULL_REFERRAL);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
