package org.linkway.server.reports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoreException;

/**
 * Commissioner reports: the NHS England minimum dataset and the process measures, aggregated by
 * period and referring organisation, under disclosure control ({@link Suppression}), JSON, CSV or XLSX. Counts come from the
 * report tables the {@link Projection} folds from the event table; every request first folds in
 * the events committed since the last one, so a report is never behind the data.
 *
 * <p>Who may read them is decided in one place, {@code security.AccessPolicy}: commissioners and
 * admins only.
 */
public final class ReportRoutes {

    /** Every route this feature serves: the list the commissioner-role check must cover. */
    public static final List<String> ROUTES =
            List.of("/v1/reports/minimum-dataset", "/v1/reports/process-measures", "/v1/reports/hospital-discharge");

    private static final String CSV = "text/csv";

    private final Store store;
    private final Projection projection;

    public ReportRoutes(Store store) {
        this.store = store;
        this.projection = new Projection(store);
    }

    public void register(RoutesConfig routes) {
        routes.get(ROUTES.get(0), ctx -> answer(ctx, "minimum-dataset", Section.MINIMUM_DATASET));
        routes.get(ROUTES.get(1), ctx -> answer(ctx, "process-measures", Section.PROCESS_MEASURES));
        routes.get(ROUTES.get(2), ctx -> DischargeReportRoute.answer(ctx, store));
    }

    /** The query, read and checked. Months are whole calendar months in UTC. */
    record Query(YearMonth from, YearMonth to, String referrerOrg, Period period) {}

    enum Period {
        MONTH,
        QUARTER,
        YEAR;

        String label(String month) {
            YearMonth m = YearMonth.parse(month);
            return switch (this) {
                case MONTH -> month;
                case QUARTER -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
                case YEAR -> Integer.toString(m.getYear());
            };
        }
    }

    static Query query(Context ctx) {
        YearMonth from = month(ctx.queryParam("from"), "from");
        YearMonth to = month(ctx.queryParam("to"), "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badParameter("to", "the month " + to + " is before 'from' (" + from + ")");
        }
        String org = ctx.queryParam("referrerOrg");
        if (org != null && (org.isBlank() || org.length() > 64)) {
            throw ApiProblem.badParameter("referrerOrg", "an ODS code (or not-recorded) of at most 64 characters");
        }
        String p = ctx.queryParam("period");
        Period period;
        try {
            period = p == null ? Period.MONTH : Period.valueOf(p.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("period", "month, quarter or year, not '" + p + "'");
        }
        return new Query(from, to, org, period);
    }

    static YearMonth month(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badParameter(name, "required: a month (2026-01) or a date (2026-01-01)");
        }
        try {
            YearMonth month = value.length() == 7 ? YearMonth.parse(value) : YearMonth.from(LocalDate.parse(value));
            if (month.getYear() < 1 || month.getYear() > 9999) {
                throw ApiProblem.badParameter(name, "a month in the years 1 to 9999, not '" + value + "'");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(name, "a month (2026-01) or a date (2026-01-01), not '" + value + "'");
        }
    }

    private void answer(Context ctx, String report, List<Section> sections) {
        Query q = query(ctx);
        long upTo = projection.catchUp();
        // every section of every report is published together, so what one report hides no other report released for
        // the same query can give away (docs/OUTCOMES.md)
        List<Section> all = Section.RELEASED_TOGETHER;
        List<Map<ReportTable.Row, Map<String, Long>>> counts = store.transaction(tx -> {
            Connection c = SqlAccess.connection(tx);
            try {
                ArrayList<Map<ReportTable.Row, Map<String, Long>>> out = new ArrayList<>();
                for (Section s : all) {
                    out.add(counts(c, s, q));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("cannot read the report tables", e);
            }
        });
        List<ReportTable> published = ReportTable.publish(all, counts);
        List<ReportTable> tables = new ArrayList<>();
        for (Section s : sections) {
            tables.add(published.get(all.indexOf(s)));
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains(ReportSheets.MEDIA_TYPE)) {
            ctx.status(200)
                    .contentType(ReportSheets.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + report + ".xlsx\"")
                    .result(ReportSheets.xlsx(report, q, upTo, tables));
        } else if (accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)) {
            ctx.status(200)
                    .contentType(CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + report + ".csv\"")
                    .result(ReportFormat.csv(tables));
        } else {
            Json.respond(ctx, 200, ReportFormat.json(report, q, upTo, tables));
        }
    }

    static Map<ReportTable.Row, Map<String, Long>> counts(Connection c, Section s, Query q) throws SQLException {
        String sql =
                "SELECT month, referrer_org, row_key, category, n FROM report_count WHERE section = ? AND month >= ? AND month <= ?"
                        + (q.referrerOrg() == null ? "" : " AND referrer_org = ?") + " AND n <> 0";
        Map<ReportTable.Row, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, s.id());
            ps.setString(2, q.from().toString());
            ps.setString(3, q.to().toString());
            if (q.referrerOrg() != null) {
                ps.setString(4, q.referrerOrg());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ReportTable.Row row =
                            new ReportTable.Row(q.period().label(rs.getString(1)), rs.getString(2), rs.getString(3));
                    out.computeIfAbsent(row, k -> new HashMap<>()).merge(rs.getString(4), rs.getLong(5), Long::sum);
                }
            }
        }
        return out;
    }
}
