package org.linkway.server.storage;

import java.time.Instant;

/**
 * A filtered page of the latest versions of one resource type, newest change last.
 * Null filters do not filter; {@code cursor} is an opaque value from a previous {@link Page}.
 */
public record ListQuery(String type, String status, String referrerOrg, String referralId, Instant updatedSince,
                        String cursor, int limit) { }
