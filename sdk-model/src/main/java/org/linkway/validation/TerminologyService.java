package org.linkway.validation;

import java.util.Objects;

/**
 * Asks a terminology server whether a code belongs to the value set, reference set or hierarchy
 * a PRSB element names, for the lists Linkway cannot ship: SNOMED CT reference sets and
 * hierarchies (e.g. {@code <<71388002}), SDS job roles, and NHS Data Dictionary lists the project
 * has no maintained copy of. Give one to {@link MessageValidator.Builder#terminology}; without
 * one, only the code's form is checked for these elements (schemas/PRSB-COVERAGE.md lists them).
 *
 * <p>{@code valueSet} is a FHIR canonical URL a FHIR terminology server's
 * {@code ValueSet/$validate-code} understands: an implicit SNOMED CT value set such as
 * {@code http://snomed.info/sct?fhir_vs=refset/1127581000000103} or
 * {@code http://snomed.info/sct?fhir_vs=ecl/<<71388002 OR <<129125009}, a UK Core value set, or a
 * Linkway name for an NHS Data Dictionary list ({@code https://linkway.org/fhir/ValueSet/...}).
 * Every element's value set is in {@code schemas/vocabulary/bindings.json}.
 *
 * <p>The validator calls it once per coded value, on the validating thread, so an implementation
 * must be thread-safe and should cache. An implementation that throws or returns null is treated
 * as {@link Status#UNKNOWN}: validation never fails because the terminology server did.
 */
@FunctionalInterface
public interface TerminologyService {

    /**
     * Is {@code code} in {@code valueSet}?
     *
     * @param system   the coding's system (e.g. {@code http://snomed.info/sct}), or null for a bare
     *                 code from an NHS Data Dictionary list
     * @param code     the code, already checked for form (a SNOMED CT concept id's check digit, say)
     * @param valueSet the value set the element names (see above)
     */
    Answer validateCode(String system, String code, String valueSet);

    /** A service that knows nothing: every code gets an information finding saying it was not checked. */
    static TerminologyService unavailable() {
        return (system, code, valueSet) -> Answer.unknown("no terminology server is configured");
    }

    /** What the terminology server said. */
    enum Status {
        /** The code is in the value set: no finding. */
        MEMBER,
        /** The code is not in the value set: an error finding ({@code LW-CODE-LIST}). */
        NOT_A_MEMBER,
        /** The server could not say: an information finding ({@code LW-CODE-UNCHECKED}). */
        UNKNOWN
    }

    /**
     * An answer, with the server's words (put into the finding's message; may be empty).
     *
     * @param status  member, not a member, or unknown
     * @param message why, in the server's words, or {@code ""}
     */
    record Answer(Status status, String message) {

        public Answer {
            Objects.requireNonNull(status, "status");
            message = message == null ? "" : message;
        }

        public static Answer member() {
            return new Answer(Status.MEMBER, "");
        }

        public static Answer notAMember(String why) {
            return new Answer(Status.NOT_A_MEMBER, why);
        }

        public static Answer unknown(String why) {
            return new Answer(Status.UNKNOWN, why);
        }
    }
}
