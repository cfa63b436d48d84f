package org.linkway.conformance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kit's version, as the POM that built it says ({@code version.properties}, filled in by the build). */
public final class KitBuild {

    private static final String VERSION = read();

    private KitBuild() {}

    /** The project version, e.g. {@code 1.0.0}; {@code unknown} when run from sources the build did not process. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = KitBuild.class.getResourceAsStream("/org/linkway/conformance/cli/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest: a wrong version line must not stop a conformance run
        }
        String fromManifest = KitBuild.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
