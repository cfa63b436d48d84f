package org.linkway.conformance;

/** How strongly a requirement binds, as in RFC 2119 wording. */
public enum Level {
    /** Required: a failure of a claimed profile's SHALL test fails the run. */
    SHALL,
    /** Recommended: reported, never fails the run. */
    SHOULD
}
