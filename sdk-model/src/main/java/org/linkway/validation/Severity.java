package org.linkway.validation;

/** How much a finding matters to a receiver. */
public enum Severity {
    /** The message breaks the standard; a receiver should not accept it as is. */
    ERROR,
    /** The message is accepted, but something is lost or doubtful (e.g. an unknown property). */
    WARNING,
    /** Advice: an element PRSB asks to record when available is absent. */
    INFORMATION
}
