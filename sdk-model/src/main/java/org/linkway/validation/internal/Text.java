package org.linkway.validation.internal;

/** Quoting values in findings: short, so a finding never echoes a 10 MB string back. */
final class Text {

    private Text() {}

    static String brief(String v) {
        if (v == null) {
            return "absent";
        }
        String s = "'" + v + "'";
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static String number(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
