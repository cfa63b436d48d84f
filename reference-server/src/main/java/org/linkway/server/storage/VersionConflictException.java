package org.linkway.server.storage;

/** An update named a version that is no longer the latest: someone else changed the resource first. */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    public VersionConflictException(String type, String id, long expected, long currentVersion) {
        super(type + " " + id + " is at version " + currentVersion + ", not " + expected);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
