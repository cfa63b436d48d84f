package org.linkway.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.linkway.crypto.nimbus.JwsAlgorithms;

/**
 * Reads the public keys that sign bearer tokens: a JWKS document, or a PEM file with one or more
 * {@code PUBLIC KEY} (or certificate) blocks. Only P-256 and Ed25519 keys are kept; any other key
 * is refused by name so a misconfiguration shows at start-up, not at the first request.
 */
final class KeyFiles {

    private KeyFiles() {}

    static JWKSet read(Path file) {
        return read(file, "token keys");
    }

    /** Public keys from a PEM or JWKS file; {@code what} names the file in errors (e.g. "trusted sender keys"). */
    static JWKSet read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
        }
        List<JWK> keys = text.trim().startsWith("{") ? jwks(text, file) : pem(text, file);
        if (keys.isEmpty()) {
            throw new IllegalStateException("the " + what + " file " + file + " holds no key");
        }
        for (JWK k : keys) {
            if (k.isPrivate()) {
                throw new IllegalStateException(
                        "the " + what + " file " + file + " holds a private key; give the server public keys only");
            }
            if (JwsAlgorithms.algorithmFor(k) == null) {
                throw new IllegalStateException(
                        "key '" + k.getKeyID() + "' in " + file + " is neither P-256 (ES256) nor Ed25519 (EdDSA)");
            }
        }
        return new JWKSet(keys);
    }

    private static List<JWK> jwks(String text, Path file) {
        try {
            return JWKSet.parse(text).getKeys();
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "the token keys file " + file + " is not a JWKS document: " + e.getMessage(), e);
        }
    }

    private static List<JWK> pem(String text, Path file) {
        List<JWK> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader in = new StringReader(text);
                PEMParser parser = new PEMParser(in)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                SubjectPublicKeyInfo info;
                if (o instanceof SubjectPublicKeyInfo spki) {
                    info = spki;
                } else if (o instanceof X509CertificateHolder cert) {
                    info = cert.getSubjectPublicKeyInfo();
                } else {
                    throw new IllegalStateException("the token keys file " + file + " holds a "
                            + o.getClass().getSimpleName() + "; it should hold PUBLIC KEY or CERTIFICATE blocks");
                }
                keys.add(toJwk(converter.getPublicKey(info)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the token keys file " + file + " is not readable PEM: " + e.getMessage(), e);
        }
        return keys;
    }

    static JWK toJwk(PublicKey key) {
        try {
            if (key instanceof ECPublicKey ec) {
                ECKey jwk = new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
                return new ECKey.Builder(jwk)
                        .keyID(jwk.computeThumbprint().toString())
                        .build();
            }
            if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
                JWK jwk = JwsAlgorithms.ed25519PublicJwk(key, null);
                return JwsAlgorithms.ed25519PublicJwk(
                        key, jwk.computeThumbprint().toString());
            }
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalStateException("unusable public key: " + e.getMessage(), e);
        }
        throw new IllegalStateException(
                "a " + key.getAlgorithm() + " key cannot verify Linkway tokens; use P-256 or Ed25519");
    }
}
