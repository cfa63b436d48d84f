package org.linkway.validation.checks;

import java.util.Optional;

/**
 * E-mail address, as the NHS Data Dictionary's Contact Email Address (PRSB: the person's e-mail
 * address, {@code string(255)}): a local part, one {@code @}, and a domain of at least two labels.
 *
 * <p>Only the shape is checked, and on purpose more loosely than RFC 5322 (no quoted local parts,
 * no comments, no IP-literal domains, which no NHS system sends): an address a mail system
 * would deliver must pass. Non-ASCII letters are allowed (internationalised addresses).
 */
public final class EmailFormat {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~.-";

    private EmailFormat() {}

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the address, in words a person can act on; empty if it has the form of one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("the e-mail address is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return Optional.of("an e-mail address has no spaces or control characters, but there is "
                        + Text.describe(value, i + 1) + " at position " + Text.position(value, i + 1));
            }
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("an e-mail address has an @ between the name and the domain, as in name@example.org");
        }
        if (value.indexOf('@') != at) {
            return Optional.of("an e-mail address has exactly one @, this one has more");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty()) {
            return Optional.of("there is nothing before the @: an e-mail address starts with the mailbox name");
        }
        if (Text.length(local) > MAX_LOCAL) {
            return Optional.of("the part before the @ is at most 64 characters, this one has " + Text.length(local));
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("the part before the @ may not start or end with a dot or have two dots in a row");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c) && LOCAL_SYMBOLS.indexOf(c) < 0) {
                return Optional.of("the part before the @ may not contain " + Text.describe(local, i + 1));
            }
        }
        return domainProblem(domain);
    }

    private static Optional<String> domainProblem(String domain) {
        if (domain.isEmpty()) {
            return Optional.of(
                    "there is nothing after the @: an e-mail address ends with a domain such as example.org");
        }
        if (Text.length(domain) > MAX_DOMAIN) {
            return Optional.of("the domain is at most 253 characters");
        }
        if (domain.indexOf('.') < 0) {
            return Optional.of("the domain '" + domain + "' has no dot: expected a domain such as example.org");
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of("the domain '" + domain
                        + "' has an empty part (a dot at its start or end, or two dots" + " in a row)");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of("a part of the domain may not start or end with a hyphen ('" + label + "')");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c < 0x80 && !Character.isLetterOrDigit(c) && c != '-') {
                    return Optional.of("the domain may hold only letters, digits, hyphens and dots, not "
                            + Text.describe(label, i + 1));
                }
            }
        }
        String top = labels[labels.length - 1];
        if (Text.length(top) < 2 || Text.firstNonDigit(top) == 0) {
            return Optional.of("the domain '" + domain + "' does not end in a top-level domain such as .uk or .org");
        }
        return Optional.empty();
    }
}
