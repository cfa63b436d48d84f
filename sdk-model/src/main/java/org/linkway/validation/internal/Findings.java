package org.linkway.validation.internal;

import java.util.ArrayList;
import java.util.List;

import org.linkway.model.MessageType;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

/**
 * Collects findings for one message, up to a cap: a message built to produce millions of
 * findings must not exhaust memory. The cap is reported as a finding of its own.
 */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();
    private final int cap;
    private final MessageType type;
    private int dropped;

    public Findings(MessageType type, int cap) {
        this.type = type;
        this.cap = cap;
    }

    public MessageType type() {
        return type;
    }

    public void add(Rule rule, String pointer, String message) {
        add(rule, rule.severity(), pointer, message);
    }

    public void add(Rule rule, Severity severity, String pointer, String message) {
        if (list.size() >= cap) {
            dropped++;
            return;
        }
        list.add(new Finding(severity, rule.id(), pointer, prsbPath(pointer), message));
    }

    private String prsbPath(String pointer) {
        if (type == null) {
            return "";
        }
        // the nearest PRSB element at or above the place: a SNOMED code's digits belong to the coded element
        String pattern = ElementIndex.pattern(pointer);
        while (true) {
            ElementIndex.Place place = ElementIndex.get().at(type, pattern);
            if (place != null && !place.prsbPath().isEmpty()) {
                return place.prsbPath();
            }
            int cut = pattern.lastIndexOf('/');
            if (cut < 0) {
                return "";
            }
            pattern = pattern.substring(0, cut);
        }
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Finding::isError);
    }

    public List<Finding> toList() {
        if (dropped == 0) {
            return list;
        }
        List<Finding> out = new ArrayList<>(list);
        out.add(new Finding(Severity.WARNING, Rule.TOO_MANY_FINDINGS.id(), "", "",
                dropped + " more findings were not listed; fix the ones above and validate again"));
        return out;
    }
}
