package org.linkway.server.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.linkway.server.http.ApiProblem;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first worksheet of an XLSX workbook, streamed (POI's event reader, never the whole workbook in
 * memory), after the zip has been measured for a bomb. Formulas are not evaluated: a cell gives the
 * value Excel saved with it.
 */
final class XlsxSheets {

    private XlsxSheets() {}

    static Sheet read(byte[] bytes, ImportLimits limits) {
        guardZip(bytes, limits);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportProblems.unreadable("the workbook has no worksheet");
            }
            Collector rows = new Collector(limits);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(
                    reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg), rows, new IsoFormatter(), false));
            try (InputStream first = sheets.next()) {
                parser.parse(new InputSource(first));
            }
            if (rows.headings == null) {
                throw ImportProblems.unreadable(
                        "the first worksheet is empty: its first row must hold the column headings");
            }
            return new Sheet(rows.headings, rows.rows);
        } catch (IOException
                | OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | POIXMLException
                | IllegalArgumentException e) {
            throw ImportProblems.unreadable(
                    "the file starts as an XLSX workbook but cannot be read as one: " + e.getMessage());
        } catch (LimitReached e) {
            throw e.problem;
        }
    }

    /**
     * Inflates every entry, counting, before POI opens anything: a zip bomb stops here at the first
     * byte over the ratio or the total, not after filling the memory.
     */
    static void guardZip(byte[] bytes, ImportLimits limits) {
        long total = 0;
        long byRatio = (long) limits.maxInflateRatio() * bytes.length;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > limits.maxInflatedBytes()) {
                        throw ImportProblems.limit(
                                "maxInflatedBytes",
                                limits.maxInflatedBytes(),
                                "the workbook unpacks to more bytes than the server reads");
                    }
                    if (total > ImportLimits.RATIO_FLOOR && total > byRatio) {
                        throw ImportProblems.limit(
                                "maxInflateRatio",
                                limits.maxInflateRatio(),
                                "the workbook unpacks to more than " + limits.maxInflateRatio()
                                        + " times its size, as a zip bomb does");
                    }
                }
            }
        } catch (IOException e) {
            throw ImportProblems.unreadable(
                    "the file starts as a zip (XLSX) but cannot be unpacked: " + e.getMessage());
        }
    }

    /** Thrown through the SAX parser to stop reading at the first row or column over a limit. */
    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiProblem problem;

        LimitReached(ApiProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final ImportLimits limits;
        List<String> headings;
        final List<Sheet.Row> rows = new ArrayList<>();
        private List<String> current;

        Collector(ImportLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? current.size() : new CellReference(reference).getCol();
            if (col >= limits.maxColumns()) {
                throw new LimitReached(ImportProblems.limit(
                        "maxColumns",
                        limits.maxColumns(),
                        "cell " + reference + " is past the last column the server imports"));
            }
            while (current.size() < col) {
                current.add("");
            }
            current.add(value == null ? "" : value.strip());
        }

        @Override
        public void endRow(int rowNum) {
            if (headings == null) {
                if (current.stream().anyMatch(c -> !c.isBlank())) {
                    headings = current;
                }
                return;
            }
            if (current.stream().allMatch(String::isBlank)) {
                return;
            }
            if (rows.size() == limits.maxRows()) {
                throw new LimitReached(ImportProblems.limit(
                        "maxRows",
                        limits.maxRows(),
                        "the worksheet has more data rows than the server imports at once"));
            }
            rows.add(new Sheet.Row(rowNum + 1, current));
        }
    }

    /** Dates as ISO dates (date-times as ISO local date-times), other numbers in plain notation, never rounded to a format. */
    static final class IsoFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (formatString != null
                    && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904);
                return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
