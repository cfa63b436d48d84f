package org.linkway.schemas.compat;

/**
 * One breaking difference between a released schema version and the current schemas: a message
 * valid under the release that the current schemas may refuse, or a name a reader relied on
 * that is gone.
 */
record SchemaChange(Kind kind, String where, String detail) {

    enum Kind {
        FILE_REMOVED,
        DEFINITION_REMOVED,
        PROPERTY_REMOVED,
        PROPERTY_RENAMED,
        TYPE_NARROWED,
        LENGTH_NARROWED,
        CARDINALITY_NARROWED,
        RANGE_NARROWED,
        VALUES_NARROWED,
        PATTERN_CHANGED,
        REQUIRED_ADDED,
        CLOSED,
        ACCEPTS_NOTHING,
        /** A keyword the guard does not reason about (anyOf, if/then, ...) changed: judge it by hand. */
        UNJUDGED
    }

    @Override
    public String toString() {
        return kind + " " + where + ": " + detail;
    }
}
