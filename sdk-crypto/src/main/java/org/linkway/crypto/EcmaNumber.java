package org.linkway.crypto;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript's Number::toString for a finite double (ECMA-262, section 7.1.12.1), which RFC 8785
 * adopts. Java 17's {@code Double.toString} does not always give the shortest digits, so the
 * digits come from the closest decimal of increasing precision that reads back as the same double.
 */
final class EcmaNumber {

    private EcmaNumber() {}

    static String format(double value) {
        if (value == 0) {
            return "0"; // minus zero too
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            throw new IllegalStateException("17 significant digits always identify a double: " + value);
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // value = 0.digits x 10^n, in the specification's terms
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder();
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }
}
