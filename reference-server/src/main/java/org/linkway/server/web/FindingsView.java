package org.linkway.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * The inspector's results: a summary, the findings as a table (each linked to the lines it is
 * about), the message with those lines marked beside its conversion, and both to download.
 */
final class FindingsView {

    private FindingsView() {}

    static String render(Inspection.Result result) {
        SourceLines source = result.source();
        Map<Integer, String> marked = new HashMap<>();
        StringBuilder out = new StringBuilder();
        out.append(summary(result));
        List<Finding> findings = result.findings();
        if (!findings.isEmpty()) {
            out.append("""
                    <table class="nhsuk-table lw-findings" id="findings">
                    <caption class="nhsuk-table__caption">Findings</caption>
                    <thead class="nhsuk-table__head"><tr>
                    <th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">PRSB element</th>
                    <th scope="col">Where</th><th scope="col">What is wrong</th>
                    </tr></thead>
                    <tbody class="nhsuk-table__body">
                    """);
            for (Finding f : findings) {
                SourceLines.Span span = source.spanOf(f.pointer());
                String severity = f.severity().name().toLowerCase(Locale.ROOT);
                out.append("<tr class=\"nhsuk-table__row lw-finding\" data-rule=\"")
                        .append(Html.escape(f.ruleId()))
                        .append("\"><td class=\"nhsuk-table__cell\"><strong class=\"nhsuk-tag ")
                        .append(tagClass(f.severity()))
                        .append("\">")
                        .append(severity)
                        .append("</strong></td><td class=\"nhsuk-table__cell\"><code class=\"lw-rule\">")
                        .append(Html.escape(f.ruleId()))
                        .append("</code></td><td class=\"nhsuk-table__cell\">")
                        .append(Html.escape(f.prsbPath()))
                        .append("</td><td class=\"nhsuk-table__cell\"><code>")
                        .append(Html.escape(f.pointer()))
                        .append("</code>");
                if (span != null) {
                    out.append(" <a href=\"#L")
                            .append(span.first())
                            .append("\">line ")
                            .append(span.first())
                            .append("</a>");
                    for (int line = span.first(); line <= span.last(); line++) {
                        marked.merge(line, f.ruleId(), (a, b) -> a.contains(b) ? a : a + ", " + b);
                    }
                }
                out.append("</td><td class=\"nhsuk-table__cell\">")
                        .append(Html.escape(f.message()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("<div class=\"nhsuk-grid-row lw-side-by-side\">\n<div class=\"nhsuk-grid-column-one-half\">\n")
                .append("<h2 class=\"nhsuk-heading-m\" id=\"yours\">Your message (")
                .append(result.form().label)
                .append(")</h2>\n")
                .append(download(source.text(), "message-" + result.form().key() + ".json", "your message"))
                .append("<div class=\"lw-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"yours\">\n")
                .append("<ol class=\"lw-source\" id=\"source\">\n");
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String rules = marked.get(n);
            out.append("<li id=\"L").append(n).append('"');
            if (rules != null) {
                out.append(" class=\"lw-hit\" data-rules=\"")
                        .append(Html.escape(rules))
                        .append('"');
            }
            out.append("><code>");
            if (rules != null) {
                out.append("<mark>")
                        .append(Html.escape(lines.get(i)))
                        .append("</mark><span class=\"nhsuk-u-visually-hidden\"> (finding ")
                        .append(Html.escape(rules))
                        .append(")</span>");
            } else {
                out.append(Html.escape(lines.get(i)));
            }
            out.append("</code></li>\n");
        }
        out.append("</ol>\n</div>\n</div>\n<div class=\"nhsuk-grid-column-one-half\">\n")
                .append("<h2 class=\"nhsuk-heading-m\" id=\"converted-heading\">As ")
                .append(result.convertedForm().label)
                .append("</h2>\n");
        if (result.converted().isPresent()) {
            String converted = result.converted().get();
            out.append(download(
                            converted,
                            "message-" + result.convertedForm().key() + ".json",
                            "the " + result.convertedForm().label + " form"))
                    .append(
                            "<div class=\"lw-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"converted-heading\">")
                    .append("<pre class=\"lw-code\" id=\"converted\">")
                    .append(Html.escape(converted))
                    .append("</pre></div>\n");
        } else {
            out.append("<p id=\"converted\">")
                    .append(
                            result.valid()
                                    ? "This kind of message has no " + result.convertedForm().label + " form."
                                    : "Not converted: the message has errors. Correct them and check it again.")
                    .append("</p>\n");
        }
        out.append("</div>\n</div>\n");
        return out.toString();
    }

    private static String summary(Inspection.Result result) {
        long errors = result.findings().stream().filter(Finding::isError).count();
        long others = result.findings().size() - errors;
        String type = result.messageType().orElse("message");
        String verdict = result.valid()
                ? "This " + Html.escape(type) + " meets the standard"
                : "This " + Html.escape(type) + " does not meet the standard";
        return "<div class=\"nhsuk-inset-text lw-summary\" id=\"summary\" role=\"status\"><span class=\"nhsuk-u-visually-hidden\">Result: </span>"
                + "<p><strong>" + verdict + "</strong> (read as " + result.form().label + "): " + errors + " error"
                + (errors == 1 ? "" : "s") + ", " + others + " other finding" + (others == 1 ? "" : "s")
                + ".</p></div>\n";
    }

    private static String tagClass(Severity severity) {
        return switch (severity) {
            case ERROR -> "nhsuk-tag--red";
            case WARNING -> "nhsuk-tag--yellow";
            case INFORMATION -> "nhsuk-tag--blue";
        };
    }

    /** A link that downloads the text with no script and no second request: the text is in the link. */
    private static String download(String text, String file, String what) {
        String data = "data:application/json;charset=utf-8,"
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return "<p><a class=\"lw-download\" download=\"" + Html.escape(file) + "\" href=\"" + Html.escape(data)
                + "\">Download " + Html.escape(what) + "</a></p>\n";
    }
}
