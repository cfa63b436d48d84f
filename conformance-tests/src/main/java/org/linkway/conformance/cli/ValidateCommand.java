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

    @Option(
            names = "--schemas",
            paramLabel = "DIR",
            description =
                    "Validate against the JSON schemas in DIR (laid out like schemas/: the schema files in DIR/json)"
                            + " instead of the built-in ones: a draft of the standard, say.")
    Path schemas;

    @Option(
            names = "--ukcore",
            description =
                    "FHIR input: check each resource that claims no profile in meta.profile against"
                            + " UK Core 2.0.1's profile for its type too (resources that claim one are always checked against it).")
    boolean ukCore;

    @Option(
            names = "--all-warnings",
            description = "FHIR input: also list the validator's best-practice advice and its notes on codes it cannot"
                    + " check offline (SNOMED CT, LOINC), which are otherwise only counted.")
    boolean allWarnings;

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
        try {
            validator = schemas == null
                    ? MessageValidator.create()
                    : MessageValidator.builder().schemas(schemas).build();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--schemas: " + e.getMessage());
            return LinkwayKit.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode report = LinkwayJson.mapper().createArrayNode();
        int failures = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (FhirDetection.isFhir(bytes)) {
                if (!fhirFile(out, report, file, new String(bytes, StandardCharsets.UTF_8))) {
                    failures++;
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
    private MessageValidator validator;

    /**
     * An auto-detected FHIR file: read through the FHIR binding (its findings carry FHIR paths and
     * say what reaches the PRSB message), and validated against R4 and UK Core. True when it has no
     * error of either kind.
     */
    private boolean fhirFile(PrintWriter out, ArrayNode report, Path file, String json) {
        FhirReadResult<PrsbMessage> read = fhirBinding().fromFhir(json);
        FhirProfileCheck.Result profiles = FhirProfileCheck.check(json, ukCore, allWarnings);
        boolean ok = read.isValid() && !profiles.hasErrors();
        if (format.equals("json")) {
            ObjectNode n = report.addObject()
                    .put("file", file.toString())
                    .put("format", "fhir")
                    .put(
                            "messageType",
                            read.messageType().map(t -> t.resourceType()).orElse(null))
                    .put("valid", ok);
            ArrayNode list = n.putArray("findings");
            read.findings()
                    .forEach(fd -> list.addObject()
                            .put("severity", fd.severity().name())
                            .put("ruleId", fd.ruleId())
                            .put("path", fd.pointer())
                            .put("prsbPath", fd.prsbPath())
                            .put("message", fd.message()));
            ArrayNode pl = n.putArray("profileFindings");
            profiles.findings()
                    .forEach(pf -> pl.addObject()
                            .put("severity", pf.severity().name())
                            .put("against", pf.isUkCore() ? "UK Core" : "R4")
                            .put("profile", pf.profile())
                            .put("path", pf.path())
                            .put("message", pf.message()));
            profiles.assumed().forEach(n.putArray("ukCoreAssumed")::add);
            n.put("unclaimedUkCoreResources", profiles.unclaimed());
            n.put("adviceNotShown", profiles.advice());
        } else {
            out.printf("%s: FHIR R4 %s%n", file, ok ? "valid" : "INVALID");
            read.findings().forEach(fd -> out.printf("  %s%n", fd));
            profiles.findings().forEach(pf -> out.printf("  %s%n", pf));
            profiles.assumed().forEach(a -> out.printf("  checked against UK Core (--ukcore): %s%n", a));
            if (profiles.advice() > 0) {
                out.printf(
                        "  %d warning(s) not shown: best-practice advice and codes the offline validator cannot check"
                                + " (--all-warnings shows them)%n",
                        profiles.advice());
            }
            if (!ukCore && profiles.unclaimed() > 0) {
                out.printf(
                        "  %d resource(s) claim no profile and were checked against R4 only"
                                + " (--ukcore checks them against UK Core's profile for their type)%n",
                        profiles.unclaimed());
            }
        }
        return ok;
    }

    /** Built on the first FHIR file only: HAPI's model takes a second or two to load. */
    private FhirBinding fhirBinding() {
        if (fhir == null) {
            fhir = schemas == null ? FhirBinding.create() : FhirBinding.withValidator(validator);
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
