package org.linkway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Objects;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.signature.DetachedSignature;
import org.linkway.signature.MessageSigner;

/**
 * A private P-256 (ES256) or Ed25519 (EdDSA) key that signs Linkway messages, with the key id its
 * signatures name. Give it to the client ({@code LinkwayClient.builder().signer(key)}) to sign
 * every referral it sends, and publish {@link #publicKeys()} to whoever checks your signatures.
 * Immutable and thread-safe; {@link #toString()} never shows the private part.
 *
 * <p>Keys that are not private, or of another type or curve, are programmer errors: the factories
 * throw {@link IllegalArgumentException} naming why.
 */
public final class SigningKey implements MessageSigner {

    private final JWK key;

    private SigningKey(JWK key) {
        this.key = key;
    }

    /** A new Ed25519 key, made with the Java runtime (for development and tests; keep real keys in a key store). */
    public static SigningKey generateEd25519(String keyId) {
        try {
            return new SigningKey(JwsAlgorithms.generateEd25519(keyId));
        } catch (JOSEException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
        }
    }

    /** A private key given as a JWK document (JSON), e.g. read from your secret store. */
    public static SigningKey fromJwk(String privateJwkJson) {
        if (privateJwkJson == null) {
            throw new IllegalArgumentException("privateJwkJson must be a JWK document, not null");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(privateJwkJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("privateJwkJson is not a JWK document: " + e.getMessage(), e);
        }
        return of(jwk);
    }

    /** A Java key pair: EC on P-256, or Ed25519. */
    public static SigningKey of(KeyPair pair, String keyId) {
        Objects.requireNonNull(pair, "pair");
        if (pair.getPublic() instanceof ECPublicKey pub && pair.getPrivate() instanceof ECPrivateKey priv) {
            if (!Curve.P_256.equals(Curve.forECParameterSpec(pub.getParams()))) {
                throw new IllegalArgumentException("an EC key signs Linkway messages only on P-256 (ES256)");
            }
            return of(new ECKey.Builder(Curve.P_256, pub)
                    .privateKey(priv)
                    .keyID(keyId)
                    .build());
        }
        if ("Ed25519".equals(pair.getPublic().getAlgorithm())
                || "EdDSA".equals(pair.getPublic().getAlgorithm())) {
            try {
                return of(JwsAlgorithms.ed25519Jwk(pair, keyId));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("not a usable Ed25519 key pair: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("only P-256 (ES256) and Ed25519 (EdDSA) keys sign Linkway messages, not "
                + pair.getPublic().getAlgorithm());
    }

    private static SigningKey of(JWK jwk) {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException(
                    "signing needs a private key; key '" + jwk.getKeyID() + "' is public only");
        }
        if (JwsAlgorithms.algorithmFor(jwk) == null) {
            throw new IllegalArgumentException("only P-256 (ES256) and Ed25519 (EdDSA) keys sign Linkway messages");
        }
        return new SigningKey(jwk);
    }

    /** The key id ({@code kid}) signatures name; null when the key has none. */
    public String keyId() {
        return key.getKeyID();
    }

    /** {@code ES256} or {@code EdDSA}. */
    public String algorithm() {
        JWSAlgorithm alg = JwsAlgorithms.algorithmFor(key);
        return alg.getName();
    }

    /** The public half, which is what those who check your signatures trust. */
    public TrustedKeys publicKeys() {
        return new TrustedKeys(new JWKSet(key.toPublicJWK()));
    }

    /** The private key as a JWK document, to store it; it is a secret. */
    public String privateJwk() {
        return key.toJSONString();
    }

    @Override
    public DetachedSignature sign(String json) {
        return MessageSignature.sign(json, this);
    }

    JWK jwk() {
        return key;
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + ", " + algorithm() + "]";
    }
}
