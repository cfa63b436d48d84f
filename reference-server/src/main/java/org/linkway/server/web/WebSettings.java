package org.linkway.server.web;

import java.util.List;

/**
 * The web pages' and the open validation endpoint's limits, and which browser origins may call the API.
 *
 * @param corsOrigins        origins (scheme, host and port, e.g. {@code https://app.example.org}) a
 *                           browser app may call the API from; empty: none, the default
 * @param validatePerMinute  validations (the endpoint and the inspector page together) one client
 *                           address may ask for in any sixty seconds
 * @param validateMaxBytes   the largest message the inspector and {@code POST /v1/$validate} take
 */
public record WebSettings(List<String> corsOrigins, int validatePerMinute, int validateMaxBytes) {

    /**
     * No origins: a browser app is an opt-in, since a token pasted into it is then usable from
     * that origin. Sixty a minute is a person pasting messages or a CI job checking a folder of
     * examples, not someone using the server as a free validation service for a whole system.
     * A megabyte holds the largest real referral Bundle many times over.
     */
    public static final WebSettings DEFAULTS = new WebSettings(List.of(), 60, 1024 * 1024);

    public WebSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (validatePerMinute < 1 || validateMaxBytes < 1) {
            throw new IllegalArgumentException(
                    "validation limits must be positive: " + validatePerMinute + ", " + validateMaxBytes);
        }
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException(
                        "a CORS origin is a scheme, a host and an optional port, with no path: " + origin);
            }
        }
    }

    /** From a comma-separated list, as {@code --cors-origins} and {@code LINKWAY_CORS_ORIGINS} give it. */
    public static List<String> origins(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public WebSettings withCorsOrigins(List<String> origins) {
        return new WebSettings(origins, validatePerMinute, validateMaxBytes);
    }

    public WebSettings withValidation(int perMinute, int maxBytes) {
        return new WebSettings(corsOrigins, perMinute, maxBytes);
    }
}
