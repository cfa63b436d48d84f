package org.linkway.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The kit's command line. Exit codes: 0 everything conforms, 1 a conformance failure,
 * 2 a usage or configuration error (never a count of errors, so scripts can rely on them).
 */
@Command(
        name = "linkway-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        description = "Linkway conformance kit for the PRSB Social Prescribing Information Standard v1.1.",
        subcommands = {
            ValidateCommand.class,
            ConvertCommand.class,
            CoverageCommand.class,
            RunCommand.class,
            ReceiveCommand.class
        })
public final class LinkwayKit {

    public static final int OK = 0;
    public static final int NOT_CONFORMANT = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line without exiting the JVM (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new LinkwayKit());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        });
        return cli.execute(args);
    }
}
