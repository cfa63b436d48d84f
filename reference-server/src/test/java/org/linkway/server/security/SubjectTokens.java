package org.linkway.server.security;

import java.time.Duration;

/** Development tokens for a named person (the token's subject), for tests where who in an organisation acts matters. */
public final class SubjectTokens {

    private SubjectTokens() {}

    /** A token of the development server on {@code port} for {@code subject} acting as {@code role} of {@code organisation}. */
    public static String mint(int port, Role role, String organisation, String subject) {
        return DevTokens.forPort(port)
                .orElseThrow(() -> new IllegalStateException("no development server on port " + port))
                .mint(role, organisation, subject, Duration.ofHours(1));
    }
}
