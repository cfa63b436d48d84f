package org.linkway.server.reports;

/**
 * Keeps exported text from being run as a formula when a spreadsheet opens it (CSV injection): text
 * starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets read as "this is text". Numbers are written as numbers and never pass through here.
 */
final class SafeText {

    private SafeText() {}

    static String neutralise(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + v
                : v;
    }
}
