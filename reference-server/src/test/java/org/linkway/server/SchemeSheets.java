package org.linkway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Invented spreadsheets as a social prescribing scheme keeps them: the Norfolk & Waveney headings,
 * one referral per row, dates typed as dates (XLSX) or day first (CSV), NHS numbers from the 999
 * test range, a column the mapping does not know ("Ward"). Nobody in them exists.
 */
final class SchemeSheets {

    static final List<String> HEADINGS = List.of(
            "Referral ID",
            "NHS Number",
            "First Name",
            "Surname",
            "Date of Birth",
            "Gender",
            "Postcode",
            "GP Practice Code",
            "GP Practice",
            "Date of Referral",
            "Referrer Name",
            "Referrer Team",
            "Referring Service",
            "Referring Organisation",
            "Referring Organisation Code",
            "Referrer Contact",
            "Referral Route",
            "Reason for Referral",
            "Consent to Share",
            "Ward");

    private static final String[][] PEOPLE = {
        {"Maren", "Oakhurst", "F"}, {"Tobiah", "Fenwright", "M"}, {"Ilse", "Brackwater", "F"},
        {"Casimir", "Dunmore", "M"}, {"Petra", "Lowhythe", "F"}, {"Anselm", "Gorsedge", "M"},
        {"Wynne", "Halberry", "F"}, {"Rufus", "Carrowby", "M"}
    };

    private SchemeSheets() {}

    /** The i-th valid NHS number in the 999 range (a check digit of 10 is skipped, as the standard says). */
    static String nhsNumber(int i) {
        for (int n = 100_000 + i * 7; ; n++) {
            String nine = "999" + String.format("%06d", n);
            int sum = 0;
            for (int k = 0; k < 9; k++) {
                sum += (nine.charAt(k) - '0') * (10 - k);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    /** {@code count} rows with ids {@code prefix-1...}; cells as typed values (LocalDate for dates, Long for NHS numbers). */
    static List<List<Object>> rows(String prefix, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String[] p = PEOPLE[(i - 1) % PEOPLE.length];
            List<Object> r = new ArrayList<>();
            r.add(prefix + "-" + i);
            r.add(Long.parseLong(nhsNumber(i + Math.floorMod(prefix.hashCode(), 1000) * 10)));
            r.add(p[0]);
            r.add(p[1]);
            r.add(LocalDate.of(1940 + i * 3 % 60, 1 + i % 12, 1 + i * 2 % 27));
            r.add(p[2].equals("F") ? "Female" : "male"); // the mapping's words match whatever their case
            r.add("NR" + (i % 9 + 1) + " " + (i % 9) + "QX");
            r.add(i % 2 == 0 ? "D82044" : "D82063");
            r.add(i % 2 == 0 ? "Wherry Lane Surgery" : "Broadside Medical Practice");
            r.add(LocalDate.of(2026, 10, 1 + i % 28));
            r.add("Sister Jo Marram");
            r.add("Ward " + (i % 4 + 1) + " discharge team");
            r.add("Acute medicine inpatient service");
            r.add("Eastmere University Hospitals NHS Foundation Trust");
            r.add("RX9E2");
            r.add("01632 960744");
            r.add(i % 3 == 0 ? "Phone" : "Secure email");
            r.add("Lives alone, anxious about going home; would like company and help with shopping");
            r.add("Agreed on the ward to the referral and to the GP practice being told");
            r.add("Cley " + (i % 4 + 1));
            rows.add(r);
        }
        return rows;
    }

    static byte[] xlsx(List<String> headings, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = book.createSheet("Referrals");
            Row head = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                head.createCell(c).setCellValue(headings.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<String> headings, List<List<Object>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", headings)).append("\r\n");
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                String s = v instanceof LocalDate d
                        ? String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                        : v == null ? "" : v.toString();
                cells.add(s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
            }
            b.append(String.join(",", cells)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
