package org.linkway.outcomes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * What scoring one administration gave: the scores that could be computed and every finding.
 * A score that could not be computed is absent and a finding says why; nothing is silent.
 */
public final class ScoreResult {

    private final String instrumentId;
    private final Map<String, Score> scores;
    private final List<Finding> findings;

    ScoreResult(String instrumentId, Map<String, Score> scores, List<Finding> findings) {
        this.instrumentId = instrumentId;
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        this.findings = List.copyOf(findings);
    }

    /** The instrument id as given (may be unknown to the catalogue, then with a finding). */
    public Optional<String> instrumentId() {
        return Optional.ofNullable(instrumentId);
    }

    /** Scores by id, in catalogue order. */
    public Map<String, Score> scores() {
        return scores;
    }

    public Optional<Score> score(String id) {
        return Optional.ofNullable(scores.get(id));
    }

    public List<Finding> findings() {
        return findings;
    }

    /** True when no finding is an error. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    public boolean has(OutcomeRule rule) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(rule.id()));
    }

    @Override
    public String toString() {
        return "ScoreResult[" + instrumentId + " "
                + scores.values().stream().map(s -> s.id() + "=" + s.value()).toList()
                + (findings.isEmpty() ? "" : " " + findings) + "]";
    }
}
