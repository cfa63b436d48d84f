package org.linkway.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * The members a request body may have, for the bodies that are not messages the validator
 * checks (transition requests, subscriptions). A member outside them is refused, not ignored:
 * the body belongs to this server's own version of the API, so an unknown member is a mistake or
 * an attempt to store something unchecked, never news from a newer version. Findings stop at
 * {@link ApiProblem#MAX_FINDINGS}; the rest are only counted, so a body with a hundred thousand
 * members costs one pass over their names.
 */
public final class KnownMembers {

    private KnownMembers() {}

    /** The findings for the members of {@code body} not in {@code known}, at most {@code max}; see {@link Unknown}. */
    public static Unknown find(JsonNode body, Set<String> known, String ruleId, int max) {
        List<Finding> findings = new ArrayList<>();
        int[] more = {0};
        String allowed = String.join(", ", new TreeSet<>(known));
        body.propertyNames().forEach(name -> {
            if (known.contains(name)) {
                return;
            }
            if (findings.size() < max) {
                findings.add(new Finding(
                        Severity.ERROR,
                        ruleId,
                        "/" + name.replace("~", "~0").replace("/", "~1"),
                        "",
                        "'" + name + "' is not a member of this request, which has " + allowed
                                + "; it is refused, not stored"));
            } else {
                more[0]++;
            }
        });
        return new Unknown(findings, more[0]);
    }

    /** @param omitted unknown members past the findings, counted only */
    public record Unknown(List<Finding> findings, int omitted) {
        public boolean none() {
            return findings.isEmpty();
        }
    }

    /** Refuses a body with a member outside {@code known} with a 422 of {@code problem}, naming the members (rule {@code LW-UNKNOWN-PROPERTY}). */
    public static void require(JsonNode body, Set<String> known, ProblemType problem) {
        Unknown unknown = find(body, known, Rule.UNKNOWN_PROPERTY.id(), ApiProblem.MAX_FINDINGS);
        if (!unknown.none()) {
            int total = unknown.findings().size() + unknown.omitted();
            throw new ApiProblem(
                    problem,
                    total + " unknown member(s), e.g. "
                            + unknown.findings().get(0).pointer() + "; this request has "
                            + String.join(", ", new TreeSet<>(known)),
                    unknown.findings(),
                    unknown.omitted());
        }
    }
}
