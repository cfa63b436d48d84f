package org.linkway.crypto.nimbus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * The two signature algorithms Linkway accepts, ES256 (P-256) and EdDSA (Ed25519), each bound to
 * the one key type it works with, so a token cannot choose a weaker algorithm or reuse a key
 * under another one. EdDSA is signed with the Java runtime's own Ed25519 rather than an extra library.
 */
public final class JwsAlgorithms {

    /** What Linkway signs and verifies with; {@code none} and HMAC are never accepted. */
    public static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

    private static final byte[] ED25519_PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] ED25519_X509_PREFIX = hex("302a300506032b6570032100");

    private JwsAlgorithms() {}

    /** The algorithm a key signs with, or null for a key Linkway does not use. */
    public static JWSAlgorithm algorithmFor(JWK key) {
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return JWSAlgorithm.EdDSA;
        }
        return null;
    }

    /** A signer for a private P-256 or Ed25519 key. */
    public static JWSSigner signer(JWK key) throws JOSEException {
        if (!key.isPrivate()) {
            throw new JOSEException("signing needs a private key; key '" + key.getKeyID() + "' is public only");
        }
        JWSAlgorithm alg = algorithmFor(key);
        if (JWSAlgorithm.ES256.equals(alg)) {
            return new LowSSigner(new ECDSASigner((ECKey) key));
        }
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return new Ed25519Signer(privateKey((OctetKeyPair) key));
        }
        throw new JOSEException("only P-256 (ES256) and Ed25519 (EdDSA) keys sign Linkway messages");
    }

    /** A verifier for a P-256 or Ed25519 key. */
    public static JWSVerifier verifier(JWK key) throws JOSEException {
        JWSAlgorithm alg = algorithmFor(key);
        if (JWSAlgorithm.ES256.equals(alg)) {
            return new ECDSAVerifier(((ECKey) key).toPublicJWK());
        }
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return new Ed25519Verifier(publicKey((OctetKeyPair) key));
        }
        throw new JOSEException("only P-256 (ES256) and Ed25519 (EdDSA) keys verify Linkway signatures");
    }

    /** A new Ed25519 key pair as a JWK, made with the Java runtime. */
    public static OctetKeyPair generateEd25519(String keyId) throws JOSEException {
        try {
            return ed25519Jwk(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), keyId);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("this Java runtime cannot make Ed25519 keys", e);
        }
    }

    /** The private JWK of a Java Ed25519 key pair (PKCS#8 and X.509 encoded, as the runtime makes them). */
    public static OctetKeyPair ed25519Jwk(KeyPair pair, String keyId) throws JOSEException {
        byte[] x = tail(pair.getPublic().getEncoded());
        byte[] d = tail(pair.getPrivate().getEncoded());
        if (pair.getPublic().getEncoded().length != ED25519_X509_PREFIX.length + 32
                || pair.getPrivate().getEncoded().length != ED25519_PKCS8_PREFIX.length + 32) {
            throw new JOSEException("the key pair is not encoded as an Ed25519 pair from the Java runtime");
        }
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .d(Base64URL.encode(d))
                .keyID(keyId)
                .build();
    }

    /** The JWK of a Java Ed25519 public key (X.509 encoded), e.g. one read from a PEM file. */
    public static OctetKeyPair ed25519PublicJwk(PublicKey key, String keyId) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(tail(key.getEncoded())))
                .keyID(keyId)
                .build();
    }

    private static byte[] tail(byte[] encoded) {
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static PrivateKey privateKey(OctetKeyPair key) throws JOSEException {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(
                            concat(ED25519_PKCS8_PREFIX, key.getD().decode())));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("not a usable Ed25519 private key", e);
        }
    }

    private static PublicKey publicKey(OctetKeyPair key) throws JOSEException {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(
                            concat(ED25519_X509_PREFIX, key.getX().decode())));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("not a usable Ed25519 public key", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** The order of P-256's base point: an ES256 signature's {@code s} lies between 1 and this. */
    public static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /**
     * Whether an ES256 signature ({@code r || s}, 32 bytes each) has {@code s} in the lower half of
     * the group order. For each signature (r, s) that verifies, (r, n - s) verifies too; accepting
     * only the low one makes a signed token or message have one encoding, not two.
     */
    public static boolean isLowS(byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return s.signum() > 0 && s.compareTo(P256_ORDER.shiftRight(1)) <= 0;
    }

    /** ES256 with {@code s} always in the lower half (see {@link #isLowS}), which verifiers that refuse high-S require. */
    private static final class LowSSigner implements JWSSigner {
        private final ECDSASigner ecdsa;

        LowSSigner(ECDSASigner ecdsa) {
            this.ecdsa = ecdsa;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            byte[] signature = ecdsa.sign(header, signingInput).decode();
            if (signature.length == 64 && !isLowS(signature)) {
                BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
                byte[] low = P256_ORDER.subtract(s).toByteArray();
                Arrays.fill(signature, 32, 64, (byte) 0);
                int from = Math.max(0, low.length - 32);
                System.arraycopy(low, from, signature, 64 - (low.length - from), low.length - from);
            }
            return Base64URL.encode(signature);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ecdsa.supportedJWSAlgorithms();
        }

        @Override
        public JCAContext getJCAContext() {
            return ecdsa.getJCAContext();
        }
    }

    private static final class Ed25519Signer implements JWSSigner {
        private final PrivateKey key;
        private final JCAContext jca = new JCAContext();

        Ed25519Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("an Ed25519 key signs only EdDSA, not " + header.getAlgorithm());
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                s.update(signingInput);
                return Base64URL.encode(s.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }

    private static final class Ed25519Verifier implements JWSVerifier {
        private final PublicKey key;
        private final JCAContext jca = new JCAContext();

        Ed25519Verifier(PublicKey key) {
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            // an unknown critical header means "do not accept unless you understand it"; we understand none
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
                return false;
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(signingInput);
                return s.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
