package org.linkway.conformance.cli;

import org.linkway.conformance.internal.KitBuild;
import picocli.CommandLine;

/**
 * The conformance kit's version, as the POM that built it says (the build fills in {@code version.properties}
 * beside this class), for {@code --version}.
 */
final class KitVersion implements CommandLine.IVersionProvider {

    /** The project version, e.g. {@code 1.0.0}; {@code unknown} when run from sources the build did not process. */
    static String number() {
        return KitBuild.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"linkway-conformance " + number()};
    }
}
