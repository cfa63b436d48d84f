package org.linkway.validation.checks;

/** Small string helpers shared by the checks, kept ASCII-only on purpose. */
final class Text {

    private Text() {}

    /**
     * {@link Character#isDigit} also accepts Arabic-Indic and other digits, which no NHS system
     * would accept, so the checks use this instead.
     */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** 1-based index of the first char that is not an ASCII digit, or 0 if there is none. */
    static int firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Upper-cases a-z only. {@link String#toUpperCase} would turn e.g. the dotless 'ı' into 'I' or
     * 'ß' into "SS", and we must not "suggest" a code the user never typed.
     */
    static String asciiUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    /** Length as a person would count it, so an emoji counts as one character, not two. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Position (1-based, in code points) of the UTF-16 index {@code charIndex1Based}. */
    static int position(String s, int charIndex1Based) {
        return s.codePointCount(0, charIndex1Based - 1) + 1;
    }

    /** Names a character so that spaces and invisible characters are still readable in a message. */
    static String describe(String s, int charIndex1Based) {
        int cp = s.codePointAt(charIndex1Based - 1);
        if (cp == ' ') {
            return "a space";
        }
        if (cp > ' ' && cp < 0x7F) {
            return "'" + (char) cp + "'";
        }
        return String.format("U+%04X", cp);
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
