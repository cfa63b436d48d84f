package org.linkway.server.sheets;

import java.util.List;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/** The refusals of an import: each names the limit or the row and column, so the sender can put it right. */
final class ImportProblems {

    private ImportProblems() {}

    /** A limit of {@link ImportLimits} broken: 422 (413 for the body size) with {@code importLimit} and {@code maxAllowed}. */
    static ApiProblem limit(String limit, long maxAllowed, String detail) {
        ProblemType type = limit.equals("maxBytes") ? ProblemType.TOO_LARGE : ProblemType.INVALID_IMPORT;
        return new ApiProblem(type, detail + " (limit " + limit + ": " + maxAllowed + ")")
                .with("importLimit", limit)
                .with("maxAllowed", maxAllowed);
    }

    /** The file as a whole cannot be read as a spreadsheet. */
    static ApiProblem unreadable(String detail) {
        return new ApiProblem(ProblemType.INVALID_IMPORT, detail);
    }

    /** Rows or cells that do not fit: every finding, the first error named in the detail; nothing was stored. */
    static ApiProblem rows(List<RowFinding> findings) {
        List<RowFinding> errors =
                findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        RowFinding first = errors.get(0);
        List<Finding> all = findings.stream().map(RowFinding::asFinding).toList();
        return new ApiProblem(
                ProblemType.INVALID_IMPORT,
                errors.size() + " error(s), nothing imported; the first: " + first.where() + ": " + first.message(),
                all);
    }
}
