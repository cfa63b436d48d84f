package org.linkway.client.error;

import java.util.List;
import org.linkway.validation.Finding;

/**
 * The server refused the body: it breaks the schema or a PRSB rule (422), or it could not be
 * read at all (400 {@code malformed-body}). {@link #findings()} lists every problem the
 * validator found, each with its rule id, JSON pointer and PRSB path.
 *
 * <pre>{@code
 * try {
 *     client.referrals().create(referral);
 * } catch (ValidationException e) {
 *     e.findings().forEach(f -> System.out.println(f.ruleId() + " at " + f.pointer() + ": " + f.message()));
 * }
 * }</pre>
 */
public class ValidationException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public ValidationException(Problem problem) {
        super(problem);
    }

    /** Every finding the server reported (errors first as the server ordered them); may be empty. */
    public List<Finding> findings() {
        return problem().map(Problem::findings).orElse(List.of());
    }
}
