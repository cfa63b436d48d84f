package org.linkway.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a run's results three ways: JUnit XML for CI test tabs, JSON for scripts, and one
 * self-contained HTML page (no scripts, no external files) for people.
 */
public final class Reports {

    public static final String JUNIT = "linkway-conformance-junit.xml";
    public static final String JSON = "linkway-conformance.json";
    public static final String HTML = "linkway-conformance.html";

    private Reports() {}

    /** Writes all three reports into {@code dir} (created if needed). */
    public static void write(SuiteResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JUNIT), junit(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JSON), json(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), html(result), StandardCharsets.UTF_8);
    }

    /** The JSON report: the verdict, the counts, and every result with its requirement ids. */
    public static String json(SuiteResult result) {
        ObjectNode root = LinkwayJson.mapper().createObjectNode();
        root.put("kit", "linkway-conformance");
        root.put("kitVersion", result.kitVersion());
        root.put("baseUrl", result.baseUrl());
        root.put("startedAt", result.startedAt().toString());
        root.put("millis", result.millis());
        root.put("seed", result.seed());
        ArrayNode claimed = root.putArray("profiles");
        result.claimed().forEach(p -> claimed.add(p.id()));
        root.put("verdict", result.passed() ? "pass" : "fail");
        // a run restricted with --only, or with required tests skipped, shows part of conformance at most; say so where
        // scripts look
        root.put("partial", result.partial());
        ArrayNode notShown = root.putArray("notShown");
        result.notShown().forEach(notShown::add);
        ArrayNode notRun = root.putArray("notRun");
        for (TestResult r : result.notRun()) {
            ObjectNode n = notRun.addObject();
            n.put("id", r.id());
            n.put("outcome", r.outcome().code());
            n.put("reason", r.message());
        }
        root.put("exitCode", result.exitCode());
        ObjectNode counts = root.putObject("counts");
        result.counts().forEach((o, n) -> counts.put(o.code(), n));
        ArrayNode failed = root.putArray("failedRequirements");
        result.failedRequirements().forEach(failed::add);
        ObjectNode semantics = root.putObject("outcomeSemantics");
        semantics.put("pass", "the requirement was shown to hold");
        semantics.put("fail", "the server's answer breaks the requirement; fails the run if required");
        semantics.put("error", "the kit could not complete the test (timeout, connection); fails the run if required");
        semantics.put("skip", "not runnable with what the kit was given (e.g. no tokens); never fails the run");
        semantics.put(
                "omit",
                "not applicable: profile not claimed, or optional endpoint not implemented; never fails the run");
        semantics.put(
                "not-judged", "of a requirement: its test stopped on another requirement's failure before checking it");
        ArrayNode tests = root.putArray("results");
        for (TestResult r : result.results()) {
            ObjectNode t = tests.addObject();
            t.put("id", r.id());
            t.put("title", r.title());
            t.put("profile", r.profile().id());
            t.put("level", r.level().name());
            t.put("required", r.required());
            t.put("outcome", r.outcome().code());
            ArrayNode reqs = t.putArray("requirements");
            r.requirements().forEach(reqs::add);
            ObjectNode verdicts = t.putObject("requirementVerdicts");
            r.verdicts().forEach((req, v) -> verdicts.put(req, v.code()));
            t.put("message", r.message());
            t.put("millis", r.millis());
            Exchanges.json(r, t);
        }
        return LinkwayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * JUnit XML, one testsuite per profile. Required failures and errors are {@code failure} and
     * {@code error}; skips, omits and anything not required (SHOULD tests, unclaimed profiles) are
     * {@code skipped} with the real outcome in the message, so CI goes red only when the kit's
     * exit code does.
     */
    public static String junit(SuiteResult result) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"linkway-conformance\" tests=\"")
                .append(result.results().size())
                .append("\" failures=\"")
                .append(result.failures().stream()
                        .filter(r -> r.outcome() == Outcome.FAIL)
                        .count())
                .append("\" errors=\"")
                .append(result.failures().stream()
                        .filter(r -> r.outcome() == Outcome.ERROR)
                        .count())
                .append("\" time=\"")
                .append(seconds(result.millis()))
                .append("\">\n");
        for (Profile p : Profile.values()) {
            List<TestResult> rs =
                    result.results().stream().filter(r -> r.profile() == p).toList();
            if (rs.isEmpty()) {
                continue;
            }
            long failures = rs.stream()
                    .filter(r -> r.failsRun() && r.outcome() == Outcome.FAIL)
                    .count();
            long errors = rs.stream()
                    .filter(r -> r.failsRun() && r.outcome() == Outcome.ERROR)
                    .count();
            long skipped = rs.stream()
                    .filter(r -> !r.failsRun() && r.outcome() != Outcome.PASS)
                    .count();
            x.append("  <testsuite name=\"linkway.")
                    .append(p.id())
                    .append("\" tests=\"")
                    .append(rs.size())
                    .append("\" failures=\"")
                    .append(failures)
                    .append("\" errors=\"")
                    .append(errors)
                    .append("\" skipped=\"")
                    .append(skipped)
                    .append("\">\n");
            x.append("    <properties>")
                    .append(property("kit.version", result.kitVersion()))
                    .append(property("seed", String.valueOf(result.seed())))
                    .append(property("partial", String.valueOf(result.partial())))
                    .append(property("notRun", notRunText(result)))
                    .append("</properties>\n");
            for (TestResult r : rs) {
                x.append("    <testcase classname=\"linkway.")
                        .append(p.id())
                        .append("\" name=\"")
                        .append(esc(r.id() + " " + r.title() + " [" + String.join(" ", r.requirements()) + "]"))
                        .append("\" time=\"")
                        .append(seconds(r.millis()))
                        .append("\">");
                String msg = esc(r.outcome().code()
                        + (r.required()
                                ? ""
                                : " (not required: "
                                        + (r.level().name().equals("SHOULD") ? "SHOULD" : "profile not claimed") + ")")
                        + ": " + r.message());
                if (r.failsRun() && r.outcome() == Outcome.FAIL) {
                    x.append("<failure message=\"")
                            .append(msg)
                            .append("\">")
                            .append(msg)
                            .append("</failure>");
                } else if (r.failsRun()) {
                    x.append("<error message=\"")
                            .append(msg)
                            .append("\">")
                            .append(msg)
                            .append("</error>");
                } else if (r.outcome() != Outcome.PASS) {
                    x.append("<skipped message=\"").append(msg).append("\"/>");
                }
                x.append("<properties><property name=\"outcome\" value=\"")
                        .append(r.outcome().code())
                        .append("\"/><property name=\"requirements\" value=\"")
                        .append(esc(String.join(",", r.requirements())))
                        .append("\"/><property name=\"level\" value=\"")
                        .append(r.level())
                        .append("\"/>")
                        .append(property("requirementVerdicts", verdictText(r)))
                        .append("</properties>");
                if (!r.exchanges().isEmpty()) {
                    x.append("<system-out>").append(esc(Exchanges.text(r))).append("</system-out>");
                }
                x.append("</testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        x.append("</testsuites>\n");
        return x.toString();
    }

    /** One page, inline CSS, nothing fetched: can be attached to a CI run or mailed. */
    public static String html(SuiteResult result) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Linkway conformance report</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
                + ".pass{background:#e3f4e3}.fail{background:#fbe0e0}.error{background:#fde9c9}.skip,.omit{background:#eee}"
                + ".partial{background:#fff4d6;border:1px solid #e0c060;padding:0 1em}details pre{white-space:pre-wrap}"
                + ".partial{background:#fff4d6;border:1px solid #e0c060;padding:0 1em}details pre{white-space:pre-wrap}"
                + ".verdict{font-size:1.4em;font-weight:bold}code{font-size:.9em}td.msg{white-space:pre-wrap;font-family:monospace;font-size:.85em}"
                + "</style></head><body>\n<h1>Linkway conformance report</h1>\n");
        h.append("<p class=\"verdict ")
                .append(result.passed() ? "pass" : "fail")
                .append("\">")
                .append(result.passed() ? "PASS: every required test passed" : "FAIL: required tests did not pass")
                .append("</p>\n");
        h.append("<p>Server <code>")
                .append(esc(result.baseUrl()))
                .append("</code>, profiles claimed: <code>")
                .append(esc(String.join(
                        ", ", result.claimed().stream().map(Profile::id).toList())))
                .append("</code>, kit ")
                .append(esc(result.kitVersion()))
                .append(", seed ")
                .append(result.seed())
                .append(" (repeat with <code>--seed ")
                .append(result.seed())
                .append("</code>)")
                .append(", started ")
                .append(result.startedAt())
                .append(", ")
                .append(result.millis())
                .append(" ms.</p>\n<p>");
        result.counts()
                .forEach((o, n) -> h.append("<span class=\"")
                        .append(o.code())
                        .append("\">&nbsp;")
                        .append(o.code())
                        .append(": ")
                        .append(n)
                        .append("&nbsp;</span> "));
        h.append("</p>\n");
        if (result.partial()) {
            h.append("<div class=\"partial\"><p><b>Partial: not every required test ran.</b> These claimed SHALL tests "
                    + "did not run, so the run does not show conformance to their requirements:</p><ul>");
            for (TestResult r : result.notRun()) {
                h.append("<li><code>")
                        .append(esc(r.id()))
                        .append("</code> (")
                        .append(esc(String.join(" ", r.requirements())))
                        .append(") ")
                        .append(r.outcome().code())
                        .append(": ")
                        .append(esc(r.message()))
                        .append("</li>");
            }
            h.append("</ul></div>\n");
        }
        if (!result.passed()) {
            h.append("<p>Failed requirements: <code>")
                    .append(esc(String.join(", ", result.failedRequirements())))
                    .append("</code></p>\n");
        }
        h.append(
                "<p>Outcomes: <b>pass</b> shown to hold; <b>fail</b> the answer breaks the requirement; <b>error</b> the kit could not "
                        + "complete the test; <b>skip</b> not runnable with what the kit was given; <b>omit</b> profile not claimed or optional "
                        + "endpoint not implemented. Only fail and error of required tests (SHALL, claimed profile) fail the run.</p>\n");
        for (Profile p : Profile.values()) {
            List<TestResult> rs =
                    result.results().stream().filter(r -> r.profile() == p).toList();
            if (rs.isEmpty()) {
                continue;
            }
            h.append("<h2>")
                    .append(p.id())
                    .append(result.claimed().contains(p) ? " (claimed)" : " (not claimed)")
                    .append("</h2>\n")
                    .append(
                            "<table><tr><th>Test</th><th>Title</th><th>Level</th><th>Requirements (verdict of each)</th><th>Outcome</th><th>Detail</th></tr>\n");
            for (TestResult r : rs) {
                h.append("<tr class=\"")
                        .append(r.outcome().code())
                        .append("\"><td>")
                        .append(esc(r.id()))
                        .append("</td><td>")
                        .append(esc(r.title()))
                        .append("</td><td>")
                        .append(r.level())
                        .append(r.required() ? "" : " (not required)")
                        .append("</td><td>")
                        .append(esc(verdictText(r).replace(",", " ")))
                        .append("</td><td>")
                        .append(r.outcome().code())
                        .append("</td><td class=\"msg\">")
                        .append(esc(r.message()))
                        .append(Exchanges.html(r))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** {@code LW-REF-003=fail,LW-REF-004=not-judged}: what the test showed of each of its requirements. */
    private static String verdictText(TestResult r) {
        StringBuilder b = new StringBuilder();
        r.verdicts()
                .forEach((req, v) -> b.append(b.length() == 0 ? "" : ",")
                        .append(req)
                        .append('=')
                        .append(v.code()));
        return b.toString();
    }

    private static String notRunText(SuiteResult result) {
        StringBuilder b = new StringBuilder();
        for (TestResult r : result.notRun()) {
            b.append(b.length() == 0 ? "" : "; ")
                    .append(r.id())
                    .append(' ')
                    .append(r.outcome().code())
                    .append(": ")
                    .append(r.message());
        }
        return b.toString();
    }

    private static String property(String name, String value) {
        return "<property name=\"" + esc(name) + "\" value=\"" + esc(value) + "\"/>";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        b.append('?'); // not allowed in XML 1.0
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
