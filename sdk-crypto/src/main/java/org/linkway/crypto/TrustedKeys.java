package org.linkway.crypto;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.signature.SignatureChecker;
import org.linkway.signature.SignatureVerification;

/**
 * The public keys whose signatures a receiver accepts: a server's published keys
 * ({@code LinkwayClient.serverKeys()}, or a pinned copy), or the keys of the systems that send
 * you signed referrals. Only P-256 and Ed25519 keys count; private parts given are dropped.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * TrustedKeys server = TrustedKeys.fromJwks(client.serverKeys());
 * MessageBack back = client.referral(id).messageBack(SignatureVerifier.using(server)).value();
 * }</pre>
 */
public final class TrustedKeys implements SignatureChecker {

    private final JWKSet keys;

    TrustedKeys(JWKSet keys) {
        this.keys = keys;
    }

    /**
     * The keys of a JWKS document ({@code {"keys":[...]}}).
     *
     * @throws IllegalArgumentException when it is not a JWKS document or holds no P-256 or Ed25519 key
     */
    public static TrustedKeys fromJwks(String jwksJson) {
        if (jwksJson == null) {
            throw new IllegalArgumentException("jwksJson must be a JWKS document, not null");
        }
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(jwksJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("jwksJson is not a JWKS document: " + e.getMessage(), e);
        }
        List<JWK> usable = new ArrayList<>();
        for (JWK k : parsed.getKeys()) {
            if (JwsAlgorithms.algorithmFor(k) != null) {
                usable.add(k.toPublicJWK());
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("jwksJson must hold at least one P-256 or Ed25519 public key");
        }
        return new TrustedKeys(new JWKSet(usable));
    }

    /**
     * One Java public key (EC on P-256, or Ed25519) under its key id.
     *
     * @throws IllegalArgumentException for a key of another type or curve
     */
    public static TrustedKeys of(PublicKey key, String keyId) {
        Objects.requireNonNull(key, "key");
        JWK jwk;
        if (key instanceof ECPublicKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            jwk = new ECKey.Builder(Curve.P_256, ec).keyID(keyId).build();
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            jwk = JwsAlgorithms.ed25519PublicJwk(key, keyId);
        } else {
            throw new IllegalArgumentException(
                    "only P-256 (ES256) and Ed25519 (EdDSA) keys sign Linkway messages, not " + key.getAlgorithm());
        }
        return new TrustedKeys(new JWKSet(jwk));
    }

    /** These keys and those of {@code other}. */
    public TrustedKeys and(TrustedKeys other) {
        List<JWK> all = new ArrayList<>(keys.getKeys());
        all.addAll(Objects.requireNonNull(other, "other").keys.getKeys());
        return new TrustedKeys(new JWKSet(all));
    }

    /** The key ids, in order; an entry is null for a key without one. */
    public List<String> keyIds() {
        return keys.getKeys().stream().map(JWK::getKeyID).toList();
    }

    public int size() {
        return keys.getKeys().size();
    }

    /** The keys as a JWKS document (public members only), e.g. to publish or pin. */
    public String toJwks() {
        return keys.toString(true);
    }

    @Override
    public SignatureVerification verify(String json, String detachedJws) {
        return MessageSignature.verify(json, detachedJws, this);
    }

    JWKSet jwkSet() {
        return keys;
    }

    @Override
    public String toString() {
        return "TrustedKeys" + keyIds();
    }
}
