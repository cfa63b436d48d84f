package org.linkway.server.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A directory search as one SQL query over the directory's tables, filtered in the database before
 * the page is cut, so every page holds only matches and {@code total_items} counts them all.
 *
 * <p>Distance is the equirectangular approximation, plain arithmetic both databases run: metres
 * north are degrees of latitude times 111,195; metres east are degrees of longitude times that and
 * the cosine of the search point's latitude. Within the UK and a search radius of tens of
 * kilometres it differs from the great-circle distance by well under 1%.
 */
final class DirectorySearch {

    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    record Result(long total, List<String> bodies) {}

    private DirectorySearch() {}

    static Result run(Connection c, SearchQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT s.id, s.name, s.body, ");
        if (q.near() != null) {
            double cos = Math.cos(Math.toRadians(q.near().latitude()));
            String dy = "((l.latitude - ?) * " + METRES_PER_DEGREE + ")";
            String dx = "((l.longitude - ?) * " + (METRES_PER_DEGREE * cos) + ")";
            inner.append("(SELECT MIN(")
                    .append(dy)
                    .append(" * ")
                    .append(dy)
                    .append(" + ")
                    .append(dx)
                    .append(" * ")
                    .append(dx)
                    .append(") FROM directory_location l WHERE l.service_id = s.id)");
            params.add(q.near().latitude());
            params.add(q.near().latitude());
            params.add(q.near().longitude());
            params.add(q.near().longitude());
        } else {
            inner.append("CAST(NULL AS DOUBLE PRECISION)");
        }
        inner.append(" AS d2 FROM directory_service s WHERE s.retired = 0");
        for (String word : q.words()) {
            inner.append(" AND s.search_text LIKE ? ESCAPE '\\'");
            params.add("%" + escape(word.toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.category() != null) {
            inner.append(" AND EXISTS (SELECT 1 FROM directory_category c WHERE c.service_id = s.id AND c.term = ?)");
            params.add(ServiceIndex.term(q.category()));
        }
        if (q.age() != null) {
            inner.append(" AND (s.min_age IS NULL OR s.min_age <= ?) AND (s.max_age IS NULL OR s.max_age >= ?)");
            params.add(q.age());
            params.add(q.age());
        }
        String outerWhere = "";
        List<Object> outerParams = new ArrayList<>();
        if (q.near() != null && q.withinMetres() != null) {
            outerWhere = " WHERE x.d2 IS NOT NULL AND x.d2 <= ?";
            outerParams.add(q.withinMetres() * q.withinMetres());
        }
        String from = " FROM (" + inner + ") x" + outerWhere;
        try {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + from)) {
                bind(s, params, outerParams, List.of());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT x.body" + from
                    + " ORDER BY CASE WHEN x.d2 IS NULL THEN 1 ELSE 0 END, x.d2, x.name, x.id LIMIT ? OFFSET ?")) {
                bind(s, params, outerParams, List.of(q.perPage(), q.offset()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        bodies.add(r.getString(1));
                    }
                }
            }
            return new Result(total, bodies);
        } catch (SQLException e) {
            throw DirectoryStore.failed(e);
        }
    }

    private static void bind(PreparedStatement s, List<Object> a, List<Object> b, List<Object> c) throws SQLException {
        int i = 1;
        for (List<Object> list : List.of(a, b, c)) {
            for (Object value : list) {
                if (value instanceof String text) {
                    s.setString(i++, text);
                } else if (value instanceof Double d) {
                    s.setDouble(i++, d);
                } else if (value instanceof Integer n) {
                    s.setInt(i++, n);
                } else {
                    s.setLong(i++, (Long) value);
                }
            }
        }
    }

    /** A search word taken literally: {@code %} and {@code _} are not wildcards. */
    static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
