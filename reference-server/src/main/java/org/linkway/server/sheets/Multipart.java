package org.linkway.server.sheets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;

/**
 * A {@code multipart/form-data} body already read (within the size limit), split into its named
 * parts. Small on purpose: the import takes a file part and an optional mapping part, nothing else,
 * so the parts are found by their boundary in the bytes rather than by a general form parser.
 */
final class Multipart {

    private static final Pattern BOUNDARY =
            Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {}

    /** The parts by name (the first of each name), their bodies as sent. */
    static Map<String, byte[]> parts(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw bad("the multipart Content-Type names no boundary");
        }
        byte[] delimiter =
                ("--" + (b.group(1) != null ? b.group(1) : b.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw bad("the body holds no part: its boundary is not found");
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return parts; // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(
                    body,
                    ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1),
                    start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw bad("a part is cut short: each part needs its headers, a blank line, and the boundary after it");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
            Matcher name =
                    NAME.matcher(headers.toLowerCase(Locale.ROOT).contains("content-disposition") ? headers : "");
            if (name.find()) {
                parts.putIfAbsent(name.group(1), Arrays.copyOfRange(body, headersEnd + 4, next));
            }
            at = next + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiProblem bad(String detail) {
        return new ApiProblem(ProblemType.BAD_REQUEST, "multipart/form-data: " + detail);
    }
}
