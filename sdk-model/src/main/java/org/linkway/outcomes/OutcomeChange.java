package org.linkway.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkway.validation.Finding;

/** The change between two administrations of one instrument, score by score, with findings. */
public final class OutcomeChange {

    private final String instrumentId;
    private final List<ScoreChange> changes;
    private final List<Finding> findings;

    OutcomeChange(String instrumentId, List<ScoreChange> changes, List<Finding> findings) {
        this.instrumentId = instrumentId;
        this.changes = List.copyOf(changes);
        this.findings = List.copyOf(findings);
    }

    /**
     * Compares two score results of one instrument: every score present in both. A score
     * missing from either is reported, not guessed.
     */
    public static OutcomeChange between(ScoreResult earlier, ScoreResult later) {
        List<Finding> findings = new ArrayList<>();
        if (earlier.instrumentId().isEmpty() || !earlier.instrumentId().equals(later.instrumentId())) {
            findings.add(OutcomeScorer.finding(
                    OutcomeRule.PAIR,
                    "/instrument",
                    "",
                    "the results are for different instruments ("
                            + earlier.instrumentId().orElse("none") + " then "
                            + later.instrumentId().orElse("none") + ")"));
            return new OutcomeChange(null, List.of(), findings);
        }
        List<ScoreChange> changes = new ArrayList<>();
        for (Score a : earlier.scores().values()) {
            Optional<Score> b = later.score(a.id());
            if (b.isEmpty()) {
                findings.add(OutcomeScorer.finding(
                        OutcomeRule.PAIR,
                        "",
                        "",
                        "score '" + a.id() + "' has no later value, so its change is not measured"));
                continue;
            }
            changes.add(new ScoreChange(
                    a.id(),
                    a.value(),
                    b.get().value(),
                    a.better(),
                    Trend.of(a.value(), b.get().value(), a.better())));
        }
        for (Score b : later.scores().values()) {
            if (earlier.score(b.id()).isEmpty()) {
                findings.add(OutcomeScorer.finding(
                        OutcomeRule.PAIR,
                        "",
                        "",
                        "score '" + b.id() + "' has no earlier value, so its change is not measured"));
            }
        }
        return new OutcomeChange(earlier.instrumentId().get(), changes, findings);
    }

    public Optional<String> instrumentId() {
        return Optional.ofNullable(instrumentId);
    }

    public List<ScoreChange> changes() {
        return changes;
    }

    public Optional<ScoreChange> change(String scoreId) {
        return changes.stream().filter(c -> c.scoreId().equals(scoreId)).findFirst();
    }

    public List<Finding> findings() {
        return findings;
    }

    @Override
    public String toString() {
        return "OutcomeChange[" + instrumentId + " " + changes + (findings.isEmpty() ? "" : " " + findings) + "]";
    }
}
