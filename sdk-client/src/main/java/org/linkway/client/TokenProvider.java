package org.linkway.client;

/**
 * Supplies the bearer token sent as {@code Authorization: Bearer <token>}. It is asked once per
 * attempt, so a provider that refreshes expiring tokens keeps a long-running client working.
 * Return null for no {@code Authorization} header (a development-mode server needs none).
 * Implementations must be thread-safe: calls come from any thread.
 *
 * <pre>{@code
 * LinkwayClient client = LinkwayClient.builder()
 *         .baseUrl("https://linkway.example.org")
 *         .tokenProvider(() -> tokenCache.currentAccessToken())
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TokenProvider {

    /** The token for the next request, or null to send none. */
    String token();

    /** No {@code Authorization} header: for development-mode servers. */
    static TokenProvider none() {
        return () -> null;
    }

    /** Always the same token. */
    static TokenProvider of(String token) {
        return () -> token;
    }
}
