package org.linkway.validation.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Where the unknown-member findings are in {@link #list}: their severity waits for the declared version. */
    private int[] unknownMembers = new int[0];

    private int unknownCount;

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

    /**
     * A member the schema does not define. Listed as an error now; {@link #unknownMembersAreWarnings}
     * turns it into a warning if the message turns out to declare a newer minor version (the
     * parser may meet the member before it meets {@code schemaVersion}).
     */
    void addUnknownMember(String pointer, String prsbPath, String resourceType) {
        if (list.size() < cap) {
            if (unknownCount == unknownMembers.length) {
                unknownMembers = Arrays.copyOf(unknownMembers, Math.max(4, 2 * unknownCount));
            }
            unknownMembers[unknownCount++] = list.size();
        }
        add(Rule.UNKNOWN_PROPERTY, Severity.ERROR, pointer, prsbPath, UnknownMembers.asError(pointer, resourceType));
    }

    /** The message declares a newer minor version than this reader's: its unknown members may be that version's. */
    void unknownMembersAreWarnings(String declaredVersion, String resourceType) {
        for (int i = 0; i < unknownCount; i++) {
            Finding f = list.get(unknownMembers[i]);
            list.set(
                    unknownMembers[i],
                    new Finding(
                            Severity.WARNING,
                            f.ruleId(),
                            f.pointer(),
                            f.prsbPath(),
                            UnknownMembers.asWarning(f.pointer(), resourceType, declaredVersion)));
        }
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
