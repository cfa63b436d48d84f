package org.linkway.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This client's version, as the POM that built it says: the build fills in {@code version.properties}
 * beside this class, so the User-Agent never goes stale when the version changes.
 */
public final class ClientVersion {

    private static final String NUMBER = read();

    private ClientVersion() {}

    /** The project version, e.g. {@code 1.0.0}; {@code unknown} when run from sources the build did not process. */
    public static String number() {
        return NUMBER;
    }

    private static String read() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: a client with an approximate User-Agent still works
        }
        String fromManifest = ClientVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
