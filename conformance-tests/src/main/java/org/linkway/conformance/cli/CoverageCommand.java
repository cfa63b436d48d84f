package org.linkway.conformance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkway.conformance.requirement.Coverage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.schemas.prsb.PrsbCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code coverage}: which PRSB elements the schemas and the kit's requirements cover, and which requirements have tests. */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        description =
                "Show which PRSB elements the schemas and the kit's requirements cover, and the tests of each requirement.")
final class CoverageCommand implements Callable<Integer> {

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json, or markdown: the schemas' coverage report, as schemas/PRSB-COVERAGE.md "
                    + "holds it (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--schemas",
            paramLabel = "DIR",
            description = "Report on the schemas in DIR (laid out like schemas/: the schema files in DIR/json;"
                    + " DIR/prsb and DIR/vocabulary where present) instead of the built-in ones: a draft, say.")
    Path schemas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json") && !format.equals("markdown")) {
            spec.commandLine().getErr().println("--format must be text, json or markdown");
            return LinkwayKit.USAGE;
        }
        Coverage c;
        if (schemas == null) {
            c = Coverage.compute();
        } else {
            try {
                c = Coverage.compute(PrsbCoverage.ofSchemas(schemas));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--schemas: " + e.getMessage());
                return LinkwayKit.USAGE;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("markdown")) {
            out.print(c.schemaReport());
            out.flush();
            return LinkwayKit.OK;
        }
        long inSchemas =
                c.elements().stream().filter(Coverage.Element::inSchemas).count();
        long traced =
                c.elements().stream().filter(e -> !e.requirements().isEmpty()).count();
        long tested =
                c.requirements().stream().filter(t -> !t.tests().isEmpty()).count();
        if (format.equals("json")) {
            ObjectNode root = LinkwayJson.mapper().createObjectNode();
            root.put("prsbElements", c.elements().size());
            root.put("inSchemas", inSchemas);
            root.put("tracedByRequirements", traced);
            ArrayNode els = root.putArray("elements");
            for (Coverage.Element e : c.elements()) {
                ObjectNode n = els.addObject().put("path", e.path()).put("inSchemas", e.inSchemas());
                e.homes().forEach(n.putArray("homes")::add);
                e.requirements().forEach(n.putArray("requirements")::add);
            }
            ArrayNode reqs = root.putArray("requirements");
            for (Coverage.Traced t : c.requirements()) {
                ObjectNode n = reqs.addObject()
                        .put("id", t.requirement().id())
                        .put("level", t.requirement().level().name())
                        .put("profile", t.requirement().profile().id())
                        .put("tracesTo", t.requirement().tracesTo())
                        .put("notTestedReason", t.requirement().notTestedReason());
                t.tests().forEach(n.putArray("tests")::add);
            }
            out.println(LinkwayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf(
                    "PRSB elements: %d; in the schemas: %d (as schemas/PRSB-COVERAGE.md; --format markdown prints it);"
                            + " traced by the kit's requirements: %d%n",
                    c.elements().size(), inSchemas, traced);
            for (Coverage.Element e : c.elements()) {
                if (!e.inSchemas()) {
                    out.printf("  not in the schemas: %s%n", e.path());
                }
            }
            out.printf("%nRequirements: %d; with tests: %d%n", c.requirements().size(), tested);
            for (Coverage.Traced t : c.requirements()) {
                out.printf(
                        "  %-11s %-6s %-17s %s%n",
                        t.requirement().id(),
                        t.requirement().level(),
                        t.requirement().profile().id(),
                        t.tests().isEmpty()
                                ? "NOT TESTED: " + t.requirement().notTestedReason()
                                : String.join(" ", t.tests()));
            }
        }
        out.flush();
        return LinkwayKit.OK;
    }
}
