package org.linkway.client;

import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.Codec;
import tools.jackson.databind.node.ObjectNode;

/** The body of {@code POST .../transitions}, shared by referrals and onward referrals. */
final class TransitionBody {

    private TransitionBody() {}

    static byte[] write(String to, String reason, String gpActions) {
        ObjectNode body = Codec.mapper().createObjectNode();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (gpActions != null) {
            body.put("gpActions", gpActions);
        }
        return Codec.write(body);
    }

    /** Optional text: null stays null; otherwise not blank and at most {@code max} characters. */
    static String checkedText(String text, String argument, int max) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw new InvalidArgumentException(argument, "must not be blank (leave it out instead)");
        }
        if (text.length() > max) {
            throw new InvalidArgumentException(
                    argument, "must be at most " + max + " characters, not " + text.length());
        }
        return text;
    }
}
