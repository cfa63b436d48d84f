package org.linkway.validation;

import java.util.Objects;

/**
 * One thing the validator found in a message.
 *
 * @param severity how much it matters
 * @param ruleId   the stable id of the rule broken, e.g. {@code LW-NHS-NUMBER}
 * @param pointer  where in the message, as a JSON pointer ({@code ""} is the whole message)
 * @param prsbPath the PRSB element at that place, as in the standard ({@code A / B / C}), or
 *                 {@code ""} where the place is not a PRSB element
 * @param message  what is wrong and how to put it right, in plain English
 */
public record Finding(Severity severity, String ruleId, String pointer, String prsbPath, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(prsbPath, "prsbPath");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code ERROR LW-NHS-NUMBER /personDemographics/nhsNumber (Person demographics / NHS number): ...}. */
    @Override
    public String toString() {
        return severity + " " + ruleId + " " + (pointer.isEmpty() ? "/" : pointer)
                + (prsbPath.isEmpty() ? "" : " (" + prsbPath + ")") + ": " + message;
    }
}
