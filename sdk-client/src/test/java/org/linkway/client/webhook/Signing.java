package org.linkway.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs deliveries as the contract says a server must, written from the contract, not from the verifier. */
final class Signing {

    private Signing() {}

    static String secret(byte[] key) {
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String signature(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] event(String id, long sequence, String reason) {
        String json = "{\"sequence\":" + sequence + ",\"id\":\"" + id + "\",\"type\":\"referral.status-changed\","
                + "\"referralId\":\"4c3e2a10-0d7b-4a43-9a53-5f0f1f7e2b11\",\"resourceType\":\"Referral\","
                + "\"resourceId\":\"4c3e2a10-0d7b-4a43-9a53-5f0f1f7e2b11\",\"resourceVersion\":2,\"at\":\"2026-11-27T03:00:00Z\","
                + "\"data\":{\"from\":\"received\",\"to\":\"rejected\",\"reason\":" + quote(reason)
                + ",\"at\":\"2026-11-27T03:00:00Z\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
