package org.linkway.client.error;

/**
 * A call was made with an argument the client refuses before sending anything: it names the
 * argument and the rule. Code {@code invalid-argument}; nothing was sent.
 *
 * <pre>{@code
 * ReferralQuery.builder().pageSize(0).build(); // InvalidArgumentException: pageSize must be from 1 to 500
 * }</pre>
 */
public class InvalidArgumentException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String argument, String rule) {
        super("invalid-argument", 0, null, null, argument + " " + rule, null);
    }

    /** Throws unless the value is present (and, for text, not blank). */
    public static <T> T require(T value, String argument) {
        if (value == null || value instanceof CharSequence s && s.toString().isBlank()) {
            throw new InvalidArgumentException(argument, "must be given" + (value == null ? "" : " (not blank)"));
        }
        return value;
    }
}
