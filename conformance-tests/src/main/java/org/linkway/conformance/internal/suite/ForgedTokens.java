package org.linkway.conformance.internal.suite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens the kit makes from a real one, each wrong in one way an attacker would try: no signature
 * algorithm, the signature taken off, the claims changed under the old signature, and a signature
 * by a key the server never trusted (asymmetric, and symmetric to catch algorithm confusion).
 * Nothing here is sent anywhere but the server under test.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {}

    /** The variants by what is wrong with them; empty when {@code real} is not a compact JWS. */
    static Optional<Map<String, String>> from(String real, long seed) {
        String[] parts = real.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        ObjectNode header;
        ObjectNode claims;
        try {
            header = (ObjectNode)
                    LinkwayJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = (ObjectNode)
                    LinkwayJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ObjectNode none = header.deepCopy().put("alg", "none");
        out.put("alg none, no signature", enc(none) + "." + parts[1] + ".");
        out.put("alg none, the old signature kept", enc(none) + "." + parts[1] + "." + parts[2]);
        out.put("signature removed", parts[0] + "." + parts[1] + ".");
        ObjectNode widened = claims.deepCopy();
        widened.put("sub", claims.path("sub").asString("someone") + "-forged");
        widened.put("role", "admin");
        out.put("claims changed under the old signature", parts[0] + "." + enc(widened) + "." + parts[2]);
        try {
            ObjectNode rs = header.deepCopy().put("alg", "RS256");
            String rsInput = enc(rs) + "." + parts[1];
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048, new SecureRandom(Long.toString(seed).getBytes(StandardCharsets.UTF_8)));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(rsa.generateKeyPair().getPrivate());
            s.update(rsInput.getBytes(StandardCharsets.US_ASCII));
            out.put("signed by a key the server never trusted (RS256)", rsInput + "." + B64.encodeToString(s.sign()));
            ObjectNode hs = header.deepCopy().put("alg", "HS256");
            String hsInput = enc(hs) + "." + parts[1];
            Mac mac = Mac.getInstance("HmacSHA256");
            // a secret an attacker knows: the old signature itself
            mac.init(new SecretKeySpec(parts[2].getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            out.put(
                    "HMAC-signed with a secret anyone holding the token knows (HS256)",
                    hsInput + "." + B64.encodeToString(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // every JDK has these algorithms; without them the other variants still stand
        }
        return Optional.of(out);
    }

    private static String enc(ObjectNode json) {
        return B64.encodeToString(LinkwayJson.mapper().writeValueAsBytes(json));
    }
}
