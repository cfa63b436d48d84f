package org.linkway.server;

import java.nio.file.Path;

/**
 * HTTPS served by the server itself, from a PKCS#12 keystore holding its private key and
 * certificate chain. Without one the server speaks plain HTTP, for a TLS-terminating proxy in
 * front of it (docs/SECURITY.md).
 *
 * @param keystore PKCS#12 file ({@code LINKWAY_TLS_KEYSTORE}); null for plain HTTP
 * @param password its password ({@code LINKWAY_TLS_KEYSTORE_PASSWORD})
 */
public record TlsSettings(Path keystore, String password) {

    public static final TlsSettings NONE = new TlsSettings(null, null);

    public boolean enabled() {
        return keystore != null;
    }

    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", password=" + (password == null ? "none" : "(set)") + "]";
    }
}
