package org.linkway.validation.internal;

import java.util.ArrayList;
import java.util.List;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

/**
 * Collects findings for one message, up to a cap: a message built to produce millions of
 * findings must not exhaust memory. The cap is reported as a finding of its own.
 */
final class Findings {

    private final List<Finding> list = new ArrayList<>();
    private final int cap;
    private int dropped;

    Findings(int cap) {
        this.cap = cap;
    }

    void add(Rule rule, Severity severity, String pointer, String prsbPath, String message) {
        if (list.size() >= cap) {
            dropped++;
            return;
        }
        list.add(new Finding(severity, rule.id(), pointer, prsbPath, message));
    }

    List<Finding> toList() {
        if (dropped == 0) {
            return list;
        }
        List<Finding> out = new ArrayList<>(list);
        out.add(new Finding(
                Severity.WARNING,
                Rule.TOO_MANY_FINDINGS.id(),
                "",
                "",
                dropped + " more findings were not listed; fix the ones above and validate again"));
        return out;
    }
}
