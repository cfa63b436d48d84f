package org.linkway.server.sheets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.storage.Store;

/**
 * Imports a sheet's referrals all or nothing: every row is checked first, as {@code POST /v1/referrals}
 * checks a referral; only when none has an error are they stored, in one transaction, each with its
 * row's key in {@code import_row}, so the same file imported again adds nothing.
 */
final class Importer {

    /** What became (or, on a dry run, would become) of one row. */
    record Outcome(int row, String outcome, String referralId, String referrerReferralId) {}

    /**
     * The import's answer.
     *
     * @param rows     data rows read
     * @param outcomes one per row that makes or made a referral, in row order
     * @param findings every finding, errors and warnings
     */
    record Result(
            String mapping,
            boolean dryRun,
            int rows,
            int created,
            int alreadyImported,
            List<Outcome> outcomes,
            List<RowFinding> findings,
            boolean valid) {}

    private final Store store;
    private final ReferralService referrals;
    private final Clock clock;

    Importer(Store store, ReferralService referrals, Clock clock) {
        this.store = store;
        this.referrals = referrals;
        this.clock = clock;
    }

    Result run(Sheet sheet, ColumnMapping mapping, String organisation, boolean dryRun) {
        RowPlanner plan = new RowPlanner(referrals, mapping, organisation);
        plan.plan(sheet, keys -> store.read(tx -> ImportRows.existing(tx, keys)));
        boolean valid = !plan.hasErrors();
        if (!valid && !dryRun) {
            throw ImportProblems.rows(plan.findings);
        }
        List<Outcome> outcomes = new ArrayList<>();
        plan.known.forEach(k -> outcomes.add(new Outcome(k.row(), "already-imported", k.referralId(), null)));
        if (dryRun) {
            plan.planned.forEach(p -> outcomes.add(new Outcome(p.row(), "would-create", null, p.referrerReferralId())));
        } else if (!plan.planned.isEmpty()) {
            store.transaction(tx -> {
                for (RowPlanner.Planned p : plan.planned) {
                    ReferralService.Stored s = referrals.store(tx, p.referral());
                    if (!ImportRows.record(tx, p.key(), organisation, s.id(), clock.instant())) {
                        // another import of the same rows committed meanwhile: this one changes nothing
                        throw new ApiProblem(
                                ProblemType.INVALID_IMPORT,
                                "row " + p.row() + " was imported by another request meanwhile; nothing of this one "
                                        + "was stored: send the file again and the rows imported are skipped");
                    }
                    outcomes.add(new Outcome(p.row(), "created", s.id(), p.referrerReferralId()));
                }
                return null;
            });
        }
        outcomes.sort(java.util.Comparator.comparingInt(Outcome::row));
        return new Result(
                mapping.name(),
                dryRun,
                sheet.rows().size(),
                plan.planned.size(),
                plan.known.size(),
                outcomes,
                plan.findings,
                valid);
    }
}
