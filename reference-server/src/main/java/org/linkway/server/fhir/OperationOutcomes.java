package org.linkway.server.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.linkway.server.http.ApiProblem;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/** What the facade answers instead of a problem document: FHIR clients read OperationOutcome. */
public final class OperationOutcomes {

    private OperationOutcomes() {}

    /** A refusal, with the problem's type URN as the first issue's code detail and each finding as an issue. */
    public static OperationOutcome of(ApiProblem p, String requestId) {
        OperationOutcome out = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent head = out.addIssue()
                .setSeverity(
                        p.status() >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(code(p.status()))
                .setDiagnostics(p.detail() + " (request id " + requestId + ")");
        head.getDetails().setText(p.type());
        for (Finding f : p.findings()) {
            addFinding(out, f);
        }
        return out;
    }

    static OperationOutcome received(String referralId, List<Finding> notes) {
        OperationOutcome out = new OperationOutcome();
        out.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(
                        "referral received as ServiceRequest/" + referralId + "; follow it at Task/" + referralId);
        notes.forEach(f -> addFinding(out, f));
        return out;
    }

    private static void addFinding(OperationOutcome out, Finding f) {
        OperationOutcome.OperationOutcomeIssueComponent issue = out.addIssue()
                .setSeverity(
                        switch (f.severity()) {
                            case ERROR -> OperationOutcome.IssueSeverity.ERROR;
                            case WARNING -> OperationOutcome.IssueSeverity.WARNING;
                            default -> OperationOutcome.IssueSeverity.INFORMATION;
                        })
                .setCode(
                        f.severity() == Severity.ERROR
                                ? OperationOutcome.IssueType.INVALID
                                : OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(f.ruleId() + ": " + f.message()
                        + (f.prsbPath().isEmpty() ? "" : " (PRSB: " + f.prsbPath() + ")"));
        issue.getDetails().setText(f.ruleId());
        // the binding's findings carry FHIR paths, the validator's JSON pointers: both say where
        if (!f.pointer().isEmpty()) {
            issue.addExpression(f.pointer());
        }
    }

    private static OperationOutcome.IssueType code(int status) {
        return switch (status) {
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 413 -> OperationOutcome.IssueType.TOOCOSTLY;
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 422, 400 -> OperationOutcome.IssueType.INVALID;
            default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.PROCESSING;
        };
    }
}
