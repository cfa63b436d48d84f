package org.linkway.server.storage;

/** One version of one stored resource: what an idempotent answer points at instead of copying its body. */
public record ResourceRef(String type, String id, long version) {}
