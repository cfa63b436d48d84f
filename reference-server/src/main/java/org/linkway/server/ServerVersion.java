package org.linkway.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The server's version, as the POM that built it says (the build fills in {@code version.properties}
 * beside this class), for {@code --version} and the start-up lines.
 */
final class ServerVersion implements CommandLine.IVersionProvider {

    private static final String NUMBER = read();

    /** The project version, e.g. {@code 1.0.0}; {@code unknown} when run from sources the build did not process. */
    static String number() {
        return NUMBER;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"linkway-server " + NUMBER};
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest: a wrong version line must not stop the server
        }
        String fromManifest = ServerVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
