package org.linkway.server.storage;

/**
 * The response a POST with an {@code Idempotency-Key} produced, kept so a retry gets the same
 * answer and a reuse of the key with a different body is detected (by {@code requestHash}).
 *
 * @param bodyOf when the answer's body is a stored resource version, that version: the store keeps
 *               the reference instead of a second copy of the body (a referral is kilobytes, and
 *               every create with a key would otherwise write it twice); null to keep {@code body}
 */
public record IdempotencyRecord(
        String key, String requestHash, int status, String body, String location, String etag, ResourceRef bodyOf) {

    public IdempotencyRecord(String key, String requestHash, int status, String body, String location, String etag) {
        this(key, requestHash, status, body, location, etag, null);
    }
}
