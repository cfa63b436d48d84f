package org.linkway.server.sheets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Reads one cell as its column's type says, or says why it cannot. */
final class Cells {

    /** A cell its column cannot take. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final String ruleId;

        Rejected(String ruleId, String message) {
            super(message, null, false, false);
            this.ruleId = ruleId;
        }
    }

    /** Day first, as a UK spreadsheet writes dates; ISO as XLSX date cells are read. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    private Cells() {}

    /** The value for the referral, or null for a blank cell without a default. */
    static String read(ColumnMapping.Spec spec, String raw) throws Rejected {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            if (spec.fallback() != null) {
                return spec.fallback();
            }
            if (spec.required()) {
                throw new Rejected("LW-IMPORT-REQUIRED", "required: the cell is blank");
            }
            return null;
        }
        return switch (spec.type()) {
            case "date" -> date(v);
            case "nhs-number" -> nhsNumber(v);
            case "code" -> code(spec, v);
            default -> v;
        };
    }

    static String date(String v) throws Rejected {
        // an XLSX date-time cell reads as 2026-11-01T09:30; the date is what the referral keeps
        String day = v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(day, f).toString();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new Rejected(
                "LW-IMPORT-DATE", "'" + v + "' is not a date: write it as 31/01/2026 (day first) or 2026-01-31");
    }

    static String nhsNumber(String v) throws Rejected {
        String digits = v.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{10}") || !checkDigitHolds(digits)) {
            throw new Rejected(
                    "LW-IMPORT-NHS-NUMBER", "'" + v + "' is not an NHS number: 10 digits with a correct check digit");
        }
        return digits;
    }

    /** The modulus 11 check of the NHS number. */
    static boolean checkDigitHolds(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    static String code(ColumnMapping.Spec spec, String v) throws Rejected {
        String code = spec.codes().get(ColumnMapping.fold(v));
        if (code != null) {
            return code;
        }
        if (spec.codes().containsValue(v)) {
            return v; // the code itself
        }
        throw new Rejected(
                "LW-IMPORT-CODE",
                "'" + v + "' is not one of the words this column takes: "
                        + String.join(", ", spec.codes().keySet()));
    }
}
