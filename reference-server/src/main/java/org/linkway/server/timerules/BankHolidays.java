package org.linkway.server.timerules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bank-holiday file: {@code date,name} a line (ISO 8601 dates), {@code #} comments, an
 * optional {@code date,name} header. The file shipped is England and Wales's
 * ({@value #SHIPPED}); an operator replaces it with {@code --bank-holidays}.
 */
public final class BankHolidays {

    /** The file shipped with the server, on the class path. */
    public static final String SHIPPED = "/org/linkway/server/timerules/bank-holidays-england-and-wales.csv";

    private BankHolidays() {}

    /** England and Wales, as shipped. */
    public static WorkingDays shipped() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the bank-holiday file " + SHIPPED + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator's file; a file that cannot be read, or a line that is not a date, stops the start. */
    public static WorkingDays read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bank-holiday file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's text as working days; names the source and line of the first thing it cannot read. */
    static WorkingDays parse(String text, String source) {
        List<LocalDate> dates = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("date,name")) {
                continue;
            }
            String date = line.split(",", 2)[0].strip();
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("bank-holiday file " + source + ", line " + (i + 1) + ": '" + date
                        + "' is not a date (YYYY-MM-DD)");
            }
        }
        return WorkingDays.excluding(dates);
    }
}
