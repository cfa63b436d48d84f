package org.linkway.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the validator found in one message: all findings, not just the first.
 */
public final class ValidationResult {

    private final String messageType;
    private final List<Finding> findings;

    ValidationResult(String messageType, List<Finding> findings) {
        this.messageType = messageType;
        this.findings = List.copyOf(findings);
    }

    /** The message's {@code resourceType} when it could be read (e.g. {@code Referral}). */
    public Optional<String> messageType() {
        return Optional.ofNullable(messageType);
    }

    public List<Finding> findings() {
        return findings;
    }

    /** True when there are no {@link Severity#ERROR} findings; warnings do not make a message invalid. */
    public boolean isValid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return bySeverity(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return bySeverity(Severity.WARNING);
    }

    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).collect(Collectors.toUnmodifiableList());
    }

    /** True when some finding has this rule id. */
    public boolean has(Rule rule) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(rule.id()));
    }

    @Override
    public String toString() {
        if (findings.isEmpty()) {
            return "valid" + (messageType == null ? "" : " " + messageType) + ": no findings";
        }
        return (isValid() ? "valid" : "invalid") + (messageType == null ? "" : " " + messageType) + ":\n  "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  "));
    }
}
