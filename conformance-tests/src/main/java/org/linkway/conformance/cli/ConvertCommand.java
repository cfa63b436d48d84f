package org.linkway.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirJsonResult;
import org.linkway.validation.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: between Linkway JSON and FHIR R4 JSON through the SDK's FHIR binding. The
 * converted message goes to standard output, findings to standard error; nothing is written when
 * the input has errors (exit 1).
 */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert a message between Linkway JSON and FHIR R4 JSON (the Linkway FHIR binding).")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, description = "fhir or linkway")
    String to;

    @Option(
            names = "--form",
            defaultValue = "transaction",
            description =
                    "for --to fhir: transaction or message (referrals and onward referrals; others have one form)")
    String form;

    @Parameters(arity = "1", paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!to.equals("fhir") && !to.equals("linkway")) {
            err.println("--to must be fhir or linkway");
            return LinkwayKit.USAGE;
        }
        String f = form.toLowerCase(Locale.ROOT);
        if (!f.equals("transaction") && !f.equals("message")) {
            err.println("--form must be transaction or message");
            return LinkwayKit.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return LinkwayKit.USAGE;
        }
        String input = Files.readString(file, StandardCharsets.UTF_8);
        FhirBinding binding = FhirBinding.create();
        FhirJsonResult result = to.equals("fhir")
                ? binding.linkwayJsonToFhir(input, f.equals("message") ? BundleForm.MESSAGE : BundleForm.TRANSACTION)
                : binding.fhirToLinkwayJson(input);
        for (Finding finding : result.findings()) {
            err.println(finding);
        }
        err.flush();
        if (result.output().isEmpty()) {
            err.println(file + ": not converted");
            err.flush();
            return LinkwayKit.NOT_CONFORMANT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.output().get());
        out.flush();
        return LinkwayKit.OK;
    }
}
