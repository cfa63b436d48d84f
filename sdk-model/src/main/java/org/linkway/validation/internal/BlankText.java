package org.linkway.validation.internal;

/**
 * Text made only of white space (spaces, tabs, line breaks, no-break spaces) is as empty as
 * {@code ""}: a name of three spaces names no one. Checked on the parser's own buffer first, so
 * the common value, which starts with a letter, costs one character's look.
 */
final class BlankText {

    private BlankText() {}

    /** Whether the text in {@code buffer} might be blank: it is empty or starts with white space. */
    static boolean startsBlank(char[] buffer, int offset, int length) {
        return length == 0 || isSpace(buffer[offset]);
    }

    static boolean isBlank(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!isSpace(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        // isSpaceChar adds the no-break and other Unicode spaces that isWhitespace leaves out
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
