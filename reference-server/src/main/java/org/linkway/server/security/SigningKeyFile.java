package org.linkway.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.BigIntegers;
import org.linkway.crypto.nimbus.JwsAlgorithms;

/**
 * Reads the server's own private signing key: a PEM file ({@code PRIVATE KEY} in PKCS#8, or an
 * {@code EC PRIVATE KEY}), a single JWK, or a JWKS holding exactly one private key. P-256 and
 * Ed25519 only; the public half is derived from the private one, and the key id, unless the JWK
 * names one, is the RFC 7638 thumbprint, so it is stable across restarts and matches the JWKS
 * the server publishes.
 */
final class SigningKeyFile {

    private SigningKeyFile() {}

    static JWK read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the signing key file " + file + ": " + e.getMessage(), e);
        }
        JWK key = text.trim().startsWith("{") ? jwk(text, file) : pem(text, file);
        if (!key.isPrivate()) {
            throw new IllegalStateException(
                    "the signing key file " + file + " holds a public key only; the server signs with the private key");
        }
        if (JwsAlgorithms.algorithmFor(key) == null) {
            throw new IllegalStateException(
                    "the signing key in " + file + " is neither P-256 (ES256) nor Ed25519 (EdDSA)");
        }
        return key.getKeyID() != null ? key : withThumbprint(key);
    }

    private static JWK jwk(String text, Path file) {
        try {
            if (text.contains("\"keys\"")) {
                List<JWK> privateKeys = JWKSet.parse(text).getKeys().stream()
                        .filter(JWK::isPrivate)
                        .toList();
                if (privateKeys.size() != 1) {
                    throw new IllegalStateException("the signing key file " + file
                            + " must hold exactly one private key, not " + privateKeys.size());
                }
                return privateKeys.get(0);
            }
            return JWK.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "the signing key file " + file + " is not a JWK or JWKS document: " + e.getMessage(), e);
        }
    }

    private static JWK pem(String text, Path file) {
        try (Reader in = new StringReader(text);
                PEMParser parser = new PEMParser(in)) {
            Object o = parser.readObject();
            PrivateKeyInfo info;
            if (o instanceof PrivateKeyInfo p) {
                info = p;
            } else if (o instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else {
                throw new IllegalStateException("the signing key file " + file + " holds "
                        + (o == null ? "no PEM block" : "a " + o.getClass().getSimpleName())
                        + "; it should hold an unencrypted PRIVATE KEY or EC PRIVATE KEY block");
            }
            return fromPrivate(PrivateKeyFactory.createKey(info), file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the signing key file " + file + " is not readable PEM: " + e.getMessage(), e);
        }
    }

    private static JWK fromPrivate(AsymmetricKeyParameter key, Path file) {
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return new OctetKeyPair.Builder(
                            Curve.Ed25519,
                            Base64URL.encode(ed.generatePublicKey().getEncoded()))
                    .d(Base64URL.encode(ed.getEncoded()))
                    .build();
        }
        if (key instanceof ECPrivateKeyParameters ec) {
            X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
            if (!p256.getCurve().equals(ec.getParameters().getCurve())) {
                throw new IllegalStateException("the EC key in " + file
                        + " is not on P-256; Linkway signs with ES256 (P-256) or EdDSA (Ed25519)");
            }
            BigInteger d = ec.getD();
            ECPoint q = ec.getParameters().getG().multiply(d).normalize();
            return new ECKey.Builder(
                            Curve.P_256,
                            Base64URL.encode(BigIntegers.asUnsignedByteArray(
                                    32, q.getAffineXCoord().toBigInteger())),
                            Base64URL.encode(BigIntegers.asUnsignedByteArray(
                                    32, q.getAffineYCoord().toBigInteger())))
                    .d(Base64URL.encode(BigIntegers.asUnsignedByteArray(32, d)))
                    .build();
        }
        throw new IllegalStateException("the signing key in " + file + " is neither P-256 (ES256) nor Ed25519 (EdDSA)");
    }

    private static JWK withThumbprint(JWK key) {
        try {
            String kid = key.computeThumbprint().toString();
            if (key instanceof ECKey ec) {
                return new ECKey.Builder(ec).keyID(kid).build();
            }
            return new OctetKeyPair.Builder((OctetKeyPair) key).keyID(kid).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the signing key's thumbprint: " + e.getMessage(), e);
        }
    }
}
