package org.linkway.server.directory;

/**
 * One version of a directory service as stored.
 *
 * @param body    the ORUK service JSON as published
 * @param retired whether a curator has retired it (it is then left out of search)
 */
public record StoredService(String id, long version, boolean retired, String body) {}
