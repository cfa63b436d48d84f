package org.linkway.outcomes;

import java.util.Optional;
import org.linkway.validation.Severity;

/**
 * The rules outcome scoring applies, with stable ids in the same {@code LW-} namespace as
 * {@link org.linkway.validation.Rule}. Ids are never renumbered or reused.
 */
public enum OutcomeRule {
    INSTRUMENT_UNKNOWN(
            "LW-OUTCOME-INSTRUMENT", Severity.ERROR, "The assessment must name an instrument in the catalogue."),
    ITEM_UNKNOWN("LW-OUTCOME-ITEM-UNKNOWN", Severity.ERROR, "An answer is for an item the instrument does not have."),
    ITEM_REPEATED("LW-OUTCOME-ITEM-REPEATED", Severity.ERROR, "An item is answered more than once."),
    ANSWER_RANGE(
            "LW-OUTCOME-ANSWER-RANGE",
            Severity.ERROR,
            "An answer is outside the item's range or not one of its steps."),
    TOO_FEW_ITEMS("LW-OUTCOME-TOO-FEW-ITEMS", Severity.ERROR, "Too few items are answered to compute a score."),
    TOTAL_MISMATCH(
            "LW-OUTCOME-TOTAL-MISMATCH", Severity.ERROR, "The recorded total does not match the total of the answers."),
    TOTAL_RANGE("LW-OUTCOME-TOTAL-RANGE", Severity.ERROR, "The recorded total is outside the instrument's range."),
    TOTAL_UNCHECKED(
            "LW-OUTCOME-TOTAL-UNCHECKED",
            Severity.WARNING,
            "A total is recorded without the answers it was computed from, so it cannot be checked."),
    TOTAL_NONE(
            "LW-OUTCOME-TOTAL-NONE",
            Severity.ERROR,
            "An overall result is recorded for an instrument that has none (ONS4's four scores stand apart)."),
    SCORE_MISMATCH(
            "LW-OUTCOME-SCORE-MISMATCH",
            Severity.ERROR,
            "A recorded score, named by its Linkway score code, is not the score the answers give."),
    SCORE_UNKNOWN(
            "LW-OUTCOME-SCORE-UNKNOWN",
            Severity.ERROR,
            "A recorded result is coded as a score the instrument does not have."),
    PAIR(
            "LW-OUTCOME-PAIR",
            Severity.ERROR,
            "Change is computed only between two administrations of the same instrument, earlier then later.");

    private final String id;
    private final Severity severity;
    private final String summary;

    OutcomeRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    /** The stable id, e.g. {@code LW-OUTCOME-ANSWER-RANGE}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** One sentence on what the rule asks for. */
    public String summary() {
        return summary;
    }

    public static Optional<OutcomeRule> byId(String id) {
        for (OutcomeRule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
