package org.linkway.server.sheets;

/**
 * What a spreadsheet sent for import may be at most. Each guards the server against a hostile or
 * mistaken file before it costs memory or time: the body is read no further than {@code maxBytes};
 * an XLSX workbook (a zip) is inflated no further than {@code maxInflatedBytes} nor past
 * {@code maxInflateRatio} times its own size (a zip bomb); rows and columns are counted as they are
 * read, and reading stops at the first one over.
 *
 * @param maxBytes         largest body (the spreadsheet, or the whole multipart form)
 * @param maxRows          most data rows (the heading row not counted)
 * @param maxColumns       most columns
 * @param maxInflateRatio  most bytes an XLSX workbook may inflate to per byte of the file
 * @param maxInflatedBytes most bytes an XLSX workbook may inflate to in all
 */
public record ImportLimits(long maxBytes, int maxRows, int maxColumns, int maxInflateRatio, long maxInflatedBytes) {

    /** 64 MiB, 20,000 rows, 200 columns, 100 to 1, 256 MiB: a scheme's whole history in one file. */
    public static final ImportLimits DEFAULTS =
            new ImportLimits(64L * 1024 * 1024, 20_000, 200, 100, 256L * 1024 * 1024);

    /** Below this many inflated bytes a workbook is never a zip bomb, whatever its ratio (small files compress well). */
    static final long RATIO_FLOOR = 1024 * 1024;
}
