package org.linkway.server.storage;

/**
 * The response a POST with an {@code Idempotency-Key} produced, kept so a retry gets the same
 * answer and a reuse of the key with a different body is detected (by {@code requestHash}).
 */
public record IdempotencyRecord(String key, String requestHash, int status, String body, String location, String etag) { }
