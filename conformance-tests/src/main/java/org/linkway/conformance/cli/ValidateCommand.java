package org.linkway.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code validate}: checks message files offline and prints every finding with its PRSB element. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Validate Linkway / PRSB message files (JSON; FHIR R4 JSON is detected). Directories are searched for *.json.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Message files or directories.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--expect-from-names",
            description =
                    "Treat file names as expectations, as in schemas/examples: "
                            + "a file named LW-RULE-ID--*.json must be invalid and break that rule; any other file must have no findings.")
    boolean expectFromNames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            spec.commandLine().getErr().println("--format must be text or json");
            return LinkwayKit.USAGE;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                spec.commandLine().getErr().println("no such file or directory: " + p);
                return LinkwayKit.USAGE;
            }
        }
        MessageValidator validator = MessageValidator.create();
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode report = LinkwayJson.mapper().createArrayNode();
        int failures = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (FhirDetection.isFhir(bytes)) {
                // auto-detected FHIR JSON: read through the FHIR binding, whose findings carry FHIR paths
                FhirReadResult<PrsbMessage> read = fhirBinding().fromFhir(new String(bytes, StandardCharsets.UTF_8));
                boolean ok = read.isValid();
                if (!ok) {
                    failures++;
                }
                if (format.equals("json")) {
                    ObjectNode n = report.addObject()
                            .put("file", file.toString())
                            .put("format", "fhir")
                            .put(
                                    "messageType",
                                    read.messageType()
                                            .map(t -> t.resourceType())
                                            .orElse(null))
                            .put("valid", ok);
                    ArrayNode list = n.putArray("findings");
                    read.findings()
                            .forEach(fd -> list.addObject()
                                    .put("severity", fd.severity().name())
                                    .put("ruleId", fd.ruleId())
                                    .put("path", fd.pointer())
                                    .put("prsbPath", fd.prsbPath())
                                    .put("message", fd.message()));
                } else {
                    out.printf("%s: FHIR R4 %s%n", file, ok ? "valid" : "INVALID");
                    read.findings().forEach(fd -> out.printf("  %s%n", fd));
                }
                continue;
            }
            ValidationResult result = validator.validate(bytes);
            String expectedRule = expectedRule(file);
            boolean ok = expectFromNames && expectedRule != null
                    ? !result.isValid()
                            && result.findings().stream()
                                    .anyMatch(f -> f.ruleId().equals(expectedRule))
                    : expectFromNames ? result.findings().isEmpty() : result.isValid();
            if (!ok) {
                failures++;
            }
            if (format.equals("json")) {
                report.add(json(file, result, expectedRule, ok));
            } else {
                text(out, file, result, expectedRule, ok);
            }
        }
        if (format.equals("json")) {
            out.println(LinkwayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            out.printf(
                    "%d file(s), %d %s%n",
                    files.size(), failures, expectFromNames ? "not as their names say" : "invalid");
        }
        out.flush();
        if (failures > 0) {
            return LinkwayKit.NOT_CONFORMANT;
        }
        return LinkwayKit.OK;
    }

    private FhirBinding fhir;

    /** Built on the first FHIR file only: HAPI's model takes a second or two to load. */
    private FhirBinding fhirBinding() {
        if (fhir == null) {
            fhir = FhirBinding.create();
        }
        return fhir;
    }

    private String expectedRule(Path file) {
        if (!expectFromNames) {
            return null;
        }
        String name = file.getFileName().toString();
        int cut = name.indexOf("--");
        return name.startsWith("LW-") && cut > 0 ? name.substring(0, cut) : null;
    }

    private void text(PrintWriter out, Path file, ValidationResult result, String expectedRule, boolean ok) {
        String verdict = expectFromNames
                ? (ok ? "as expected" : "NOT AS EXPECTED")
                        + (expectedRule == null ? " (valid)" : " (breaks " + expectedRule + ")")
                : (result.isValid() ? "valid" : "INVALID");
        out.printf("%s: %s%n", file, verdict);
        for (Finding f : result.findings()) {
            out.printf("  %s%n", f);
        }
    }

    private ObjectNode json(Path file, ValidationResult result, String expectedRule, boolean ok) {
        ObjectNode n = LinkwayJson.mapper().createObjectNode();
        n.put("file", file.toString());
        n.put("messageType", result.messageType().orElse(null));
        n.put("valid", result.isValid());
        if (expectFromNames) {
            n.put("expectedRule", expectedRule);
            n.put("asExpected", ok);
        }
        ArrayNode findings = n.putArray("findings");
        for (Finding f : result.findings()) {
            findings.addPOJO(f);
        }
        return n;
    }
}
