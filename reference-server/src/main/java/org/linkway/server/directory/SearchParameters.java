package org.linkway.server.directory;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import org.linkway.server.http.ApiProblem;

/**
 * Reads a directory search from the query: Linkway's names ({@code text}, {@code category},
 * {@code age}, {@code postcode}, {@code lat}/{@code lon}, {@code proximity} in metres) and the
 * ORUK API's where they differ ({@code search}, {@code taxonomy_term_id}, {@code page},
 * {@code per_page}). A parameter that breaks its rule answers 400 naming it.
 */
final class SearchParameters {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 500;
    static final double MAX_PROXIMITY = 1_000_000;

    private SearchParameters() {}

    static SearchQuery read(Context ctx, Geocoder geocoder) {
        String text = first(ctx, "text", "search");
        List<String> words = text == null
                ? List.of()
                : Arrays.stream(text.strip().split("\\s+"))
                        .filter(w -> !w.isEmpty())
                        .limit(10)
                        .toList();
        String category = first(ctx, "category", "taxonomy_term_id");
        if (category != null && category.isBlank()) {
            category = null;
        }
        Double age = number(ctx, "age", 0, 150);
        Point near = point(ctx, geocoder);
        Double proximity = number(ctx, "proximity", 0, MAX_PROXIMITY);
        if (proximity != null && near == null) {
            throw ApiProblem.badParameter("proximity", "needs a postcode or lat and lon to measure from");
        }
        int page = whole(ctx, "page", 1, 1_000_000, 1);
        int perPage = whole(ctx, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
        return new SearchQuery(words, category, age, near, proximity, page, perPage);
    }

    private static Point point(Context ctx, Geocoder geocoder) {
        String postcode = ctx.queryParam("postcode");
        Double lat = number(ctx, "lat", -90, 90);
        Double lon = number(ctx, "lon", -180, 180);
        if (postcode != null) {
            if (lat != null || lon != null) {
                throw ApiProblem.badParameter("postcode", "give a postcode or lat and lon, not both");
            }
            Postcode code = Postcode.parse(postcode)
                    .orElseThrow(() -> ApiProblem.badParameter("postcode", "must be a UK postcode or outward code"));
            return geocoder.locate(code)
                    .orElseThrow(() -> ApiProblem.badParameter(
                            "postcode",
                            "this server has no centroid for " + code
                                    + " (its operator supplies the postcode file); search with lat and lon"));
        }
        if ((lat == null) != (lon == null)) {
            throw ApiProblem.badParameter(lat == null ? "lat" : "lon", "lat and lon come together");
        }
        return lat == null ? null : new Point(lat, lon);
    }

    private static String first(Context ctx, String name, String alias) {
        String value = ctx.queryParam(name);
        return value != null ? value : ctx.queryParam(alias);
    }

    private static Double number(Context ctx, String name, double min, double max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter(name, "must be a number from " + fmt(min) + " to " + fmt(max));
    }

    private static int whole(Context ctx, String name, int min, int max, int absent) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw ApiProblem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
