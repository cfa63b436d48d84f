package org.linkway.validation.internal;

import org.linkway.model.MessageType;

/**
 * The one rule for members a schema does not define ({@code LW-UNKNOWN-PROPERTY}). Every minor
 * version only adds, so a message declaring this reader's version or an older one can hold no
 * member the reader does not know: one it does not know is a mistake, and the message is refused.
 * Only a message declaring a newer minor may hold members added since; those are ignored with a
 * warning. A newer major never gets this far: its {@code schemaVersion} breaks the schema's pattern.
 */
final class UnknownMembers {

    private UnknownMembers() {}

    static String asError(String pointer, String resourceType) {
        return "'" + member(pointer) + "' is not part of the " + resourceType + " schema "
                + MessageType.SCHEMA_VERSION
                + ", and the message declares no newer version that could have it: check its spelling, "
                + "or leave it out.";
    }

    static String asWarning(String pointer, String resourceType, String declaredVersion) {
        return "'" + member(pointer) + "' is not part of the " + resourceType + " schema "
                + MessageType.SCHEMA_VERSION
                + " this reader knows; the message declares the newer " + declaredVersion
                + ", so it is ignored, not stored.";
    }

    /**
     * Whether {@code version} (already matched against the schema's 1.minor.patch pattern, so no
     * leading zeros) is a newer minor than this reader's. Compares the minors by length, then by
     * text, which compares them as numbers.
     */
    static boolean isNewerMinor(String version) {
        String theirs = version.split("\\.")[1];
        String ours = MessageType.SCHEMA_VERSION.split("\\.")[1];
        return theirs.length() > ours.length() || theirs.length() == ours.length() && theirs.compareTo(ours) > 0;
    }

    /** The member's name from its JSON pointer, unescaped. */
    private static String member(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }
}
