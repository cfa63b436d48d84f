package org.linkway.conformance.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: between Linkway JSON and FHIR R4 through the FHIR binding. The binding is not
 * part of this build yet, so the command says so and exits 2 rather than pretending.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a message between Linkway JSON and FHIR R4 JSON (needs the FHIR binding).")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, description = "fhir or linkway")
    String to;

    @Parameters(arity = "1", paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!to.equals("fhir") && !to.equals("linkway")) {
            spec.commandLine().getErr().println("--to must be fhir or linkway");
            return LinkwayKit.USAGE;
        }
        spec.commandLine().getErr().println("convert: the FHIR binding is not in this build of the kit yet; nothing was converted");
        return LinkwayKit.USAGE;
    }
}
