package org.linkway.server.sheets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a spreadsheet, CSV or XLSX, told apart by its first bytes (not by what the sender called
 * it), within {@link ImportLimits}.
 */
final class SheetReader {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private SheetReader() {}

    static Sheet read(byte[] bytes, ImportLimits limits) {
        if (startsWith(bytes, ZIP)) {
            return XlsxSheets.read(bytes, limits);
        }
        if (startsWith(bytes, OLE2)) {
            throw ImportProblems.unreadable(
                    "the file is an Excel 97-2003 workbook (.xls), which this server does not read: save it as .xlsx or CSV");
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw ImportProblems.unreadable(
                        "the file is neither CSV text nor an XLSX workbook (it holds binary data): send a .csv or .xlsx file");
            }
        }
        return csv(text(bytes), limits);
    }

    /** UTF-8 (a byte order mark dropped); a file that is not UTF-8 is read as Windows-1252, as older Excel saves CSV. */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static Sheet csv(String text, ImportLimits limits) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<String> headings = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = Math.toIntExact(parser.getCurrentLineNumber());
                if (record.size() > limits.maxColumns()) {
                    throw ImportProblems.limit(
                            "maxColumns",
                            limits.maxColumns(),
                            "line " + line + " has " + record.size() + " columns, more than the server imports");
                }
                List<String> cells = record.toList();
                if (headings == null) {
                    headings = cells;
                } else if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    if (rows.size() == limits.maxRows()) {
                        throw ImportProblems.limit(
                                "maxRows",
                                limits.maxRows(),
                                "the file has more data rows than the server imports at once");
                    }
                    rows.add(new Sheet.Row(Math.toIntExact(record.getRecordNumber()), cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open as either, wrapping the IOException
            throw ImportProblems.unreadable("the CSV cannot be read: " + e.getMessage());
        }
        if (headings == null) {
            throw ImportProblems.unreadable("the file is empty: the first row must hold the column headings");
        }
        return new Sheet(headings, rows);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
