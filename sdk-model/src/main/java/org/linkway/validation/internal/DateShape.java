package org.linkway.validation.internal;

/**
 * A hand-written matcher for the one pattern every message uses a dozen times: common.schema.json's
 * {@code DateOrDateTime} ({@code yyyy-MM-dd}, optionally {@code THH:mm[:ss[.f{1,9}]]} and
 * {@code Z} or {@code ±HH:MM}). It accepts exactly what that regular expression accepts (a
 * property test holds it to that) at a fraction of the cost.
 */
final class DateShape {

    /** The pattern's text as the schema writes it; the validator uses this matcher only for it. */
    static final String PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
            + "(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$";

    private DateShape() {}

    static boolean matches(String s) {
        int n = s.length();
        if (n < 10
                || !digit(s, 0)
                || !digit(s, 1)
                || !digit(s, 2)
                || !digit(s, 3)
                || s.charAt(4) != '-'
                || !month(s, 5)
                || s.charAt(7) != '-'
                || !day(s, 8)) {
            return false;
        }
        if (n == 10) {
            return true;
        }
        if (s.charAt(10) != 'T' || n < 17 || !hour(s, 11) || s.charAt(13) != ':' || !sixty(s, 14)) {
            return false;
        }
        int i = 16;
        if (s.charAt(i) == ':') {
            if (n < i + 3 || !sixty(s, i + 1)) {
                return false;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && digit(s, i)) {
                    i++;
                }
                int fraction = i - start;
                if (fraction < 1 || fraction > 9) {
                    return false;
                }
            }
        }
        if (i >= n) {
            return false;
        }
        char zone = s.charAt(i);
        if (zone == 'Z') {
            return i + 1 == n;
        }
        return (zone == '+' || zone == '-')
                && i + 6 == n
                && hour(s, i + 1)
                && s.charAt(i + 3) == ':'
                && sixty(s, i + 4);
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean month(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        return a == '0' && b >= '1' && b <= '9' || a == '1' && b >= '0' && b <= '2';
    }

    private static boolean day(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        return a == '0' && b >= '1' && b <= '9'
                || (a == '1' || a == '2') && b >= '0' && b <= '9'
                || a == '3' && (b == '0' || b == '1');
    }

    private static boolean hour(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        return (a == '0' || a == '1') && b >= '0' && b <= '9' || a == '2' && b >= '0' && b <= '3';
    }

    private static boolean sixty(String s, int i) {
        char a = s.charAt(i);
        return a >= '0' && a <= '5' && digit(s, i + 1);
    }
}
