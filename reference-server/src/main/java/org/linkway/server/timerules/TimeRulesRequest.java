package org.linkway.server.timerules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.KnownMembers;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * A {@code PUT /v1/time-rules} body checked whole: every problem at once, each finding naming its
 * member (a JSON pointer) and its rule ({@code LW-TIME-RULE-*}); nothing is stored unless none.
 */
final class TimeRulesRequest {

    /** Longest allowance: a year. */
    static final int MAX_WITHIN = 366;

    private static final Set<String> FIELDS = Set.of("organisation", "version", "firstContact", "followUp", "review");
    private static final Set<String> RULE_FIELDS = Set.of("enabled", "within", "unit");

    private TimeRulesRequest() {}

    static TimeRules parse(JsonNode body, String organisation) {
        KnownMembers.Unknown unknown = KnownMembers.find(body, FIELDS, "LW-TIME-RULE-FIELD", ApiProblem.MAX_FINDINGS);
        List<Finding> findings = new ArrayList<>(unknown.findings());
        JsonNode org = body.get("organisation");
        if (org != null && !org.isNull() && !(org.isString() && org.asString().equals(organisation))) {
            findings.add(finding(
                    "LW-TIME-RULE-ORGANISATION",
                    "/organisation",
                    "'organisation' is the link worker service whose rules these are, '" + organisation
                            + "'; leave it out, or send it unchanged"));
        }
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !version.isIntegralNumber()) {
            findings.add(finding(
                    "LW-TIME-RULE-FIELD",
                    "/version",
                    "'version' is the server's (a whole number, ignored here: If-Match names the version)"));
        }
        TimeRules.Rule[] rules = new TimeRules.Rule[3];
        int i = 0;
        for (String member : TimeRules.NAMES.keySet()) {
            rules[i++] = rule(body.get(member), member, findings);
        }
        if (!findings.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_TIME_RULES,
                    (findings.size() + unknown.omitted()) + " problem(s): "
                            + findings.get(0).pointer() + ": " + findings.get(0).message(),
                    findings,
                    unknown.omitted());
        }
        return new TimeRules(rules[0], rules[1], rules[2]);
    }

    private static TimeRules.Rule rule(JsonNode node, String member, List<Finding> findings) {
        String at = "/" + member;
        if (node == null || node.isNull()) {
            findings.add(finding(
                    "LW-TIME-RULE-REQUIRED",
                    at,
                    "'" + member
                            + "' is required: {\"enabled\": true, \"within\": n, \"unit\": \"days\"|\"working-days\"}"
                            + " (send every rule; GET gives the current ones)"));
            return null;
        }
        if (!node.isObject()) {
            findings.add(finding("LW-TIME-RULE-REQUIRED", at, "'" + member + "' must be an object"));
            return null;
        }
        KnownMembers.Unknown unknown = KnownMembers.find(node, RULE_FIELDS, "LW-TIME-RULE-FIELD", 10);
        unknown.findings().forEach(f -> findings.add(finding(f.ruleId(), at + f.pointer(), f.message())));
        boolean enabled = true;
        JsonNode e = node.get("enabled");
        if (e != null && !e.isNull()) {
            if (!e.isBoolean()) {
                findings.add(finding("LW-TIME-RULE-ENABLED", at + "/enabled", "'enabled' is true or false"));
            } else {
                enabled = e.asBoolean();
            }
        }
        int min = "review".equals(member) ? 0 : 1;
        Integer within = null;
        JsonNode w = node.get("within");
        if (w == null || !w.isIntegralNumber() || !w.canConvertToInt() || w.asInt() < min || w.asInt() > MAX_WITHIN) {
            findings.add(finding(
                    "LW-TIME-RULE-WITHIN",
                    at + "/within",
                    "'within' is required: a whole number of days from " + min + " to " + MAX_WITHIN
                            + ("review".equals(member)
                                    ? " after the care plan's review date (0: by the date itself)"
                                    : "")));
        } else {
            within = w.asInt();
        }
        TimeRules.Unit unit = null;
        JsonNode u = node.get("unit");
        if (u == null || !u.isString() || (unit = TimeRules.Unit.fromCode(u.asString())) == null) {
            findings.add(finding(
                    "LW-TIME-RULE-UNIT",
                    at + "/unit",
                    "'unit' is required: 'working-days' (Monday to Friday, less bank holidays) or 'days'"));
        }
        return within == null || unit == null ? null : new TimeRules.Rule(enabled, within, unit);
    }

    private static Finding finding(String rule, String pointer, String message) {
        return new Finding(Severity.ERROR, rule, pointer, "", message);
    }
}
