package org.linkway.conformance.report;

import java.util.List;
import java.util.Map;
import org.linkway.conformance.HttpExchange;
import org.linkway.conformance.TestResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How each report shows a test's HTTP exchanges (already redacted and clipped by the kit). */
final class Exchanges {

    private Exchanges() {}

    static void json(TestResult r, ObjectNode test) {
        ArrayNode all = test.putArray("exchanges");
        for (HttpExchange x : r.exchanges()) {
            ObjectNode e = all.addObject();
            e.put("method", x.method());
            e.put("url", x.url());
            e.put("status", x.status());
            headers(e.putObject("requestHeaders"), x.requestHeaders());
            e.put("requestBody", x.requestBody());
            headers(e.putObject("responseHeaders"), x.responseHeaders());
            e.put("responseBody", x.responseBody());
        }
        test.put("exchangesLeftOut", r.exchangesLeftOut());
    }

    private static void headers(ObjectNode into, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> {
            ArrayNode vs = into.putArray(name);
            values.forEach(vs::add);
        });
    }

    /** Plain text, for JUnit's system-out and the HTML page. */
    static String text(TestResult r) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (HttpExchange x : r.exchanges()) {
            n++;
            b.append("#").append(n).append(' ').append(x.method()).append(' ').append(x.url());
            b.append(" -> ")
                    .append(x.status() == 0 ? "no answer" : String.valueOf(x.status()))
                    .append('\n');
            x.requestHeaders()
                    .forEach((k, v) -> b.append("  > ")
                            .append(k)
                            .append(": ")
                            .append(String.join(", ", v))
                            .append('\n'));
            if (!x.requestBody().isEmpty()) {
                b.append("  > ").append(x.requestBody().replace("\n", "\n    ")).append('\n');
            }
            x.responseHeaders()
                    .forEach((k, v) -> b.append("  < ")
                            .append(k)
                            .append(": ")
                            .append(String.join(", ", v))
                            .append('\n'));
            if (!x.responseBody().isEmpty()) {
                b.append("  < ")
                        .append(x.responseBody().replace("\n", "\n    "))
                        .append('\n');
            }
        }
        if (r.exchangesLeftOut() > 0) {
            b.append("(")
                    .append(r.exchangesLeftOut())
                    .append(" more exchanges not kept: a test keeps its first ")
                    .append(r.exchanges().size())
                    .append(")\n");
        }
        return b.toString();
    }

    /** A collapsible section of the HTML page (a details element: no script needed). */
    static String html(TestResult r) {
        if (r.exchanges().isEmpty()) {
            return "";
        }
        return "<details><summary>" + r.exchanges().size() + " HTTP exchange"
                + (r.exchanges().size() == 1 ? "" : "s")
                + (r.exchangesLeftOut() > 0 ? " (and " + r.exchangesLeftOut() + " not kept)" : "")
                + "</summary><pre>" + Reports.esc(text(r)) + "</pre></details>";
    }
}
