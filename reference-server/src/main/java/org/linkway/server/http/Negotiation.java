package org.linkway.server.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.model.ProblemType;

/** {@code Accept}: which of the forms a resource offers the caller takes, or 406 naming the forms offered. */
public final class Negotiation {

    private Negotiation() {}

    /**
     * The first offered media type the caller's {@code Accept} allows (any, without the header).
     *
     * @param offered  what the resource can answer, preferred first
     * @param notYet   media types the contract names but this server does not serve yet, with why; they get that reason
     */
    public static String choose(Context ctx, List<String> offered, Map<String, String> notYet) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        List<String[]> ranges = ranges(accept);
        // the caller's preference (q) decides; between equal preferences, ours (the order offered)
        String best = null;
        double bestQ = 0;
        for (String type : offered) {
            double q = ranges.stream()
                    .filter(r -> matches(r, type))
                    .mapToDouble(Negotiation::q)
                    .max()
                    .orElse(0);
            if (q > bestQ) {
                best = type;
                bestQ = q;
            }
        }
        if (best != null) {
            return best;
        }
        for (var later : notYet.entrySet()) {
            if (ranges.stream().anyMatch(r -> r[0].equals(later.getKey()))) {
                throw new ApiProblem(
                        ProblemType.NOT_ACCEPTABLE,
                        later.getValue() + "; this server answers " + String.join(" or ", offered));
            }
        }
        throw new ApiProblem(
                ProblemType.NOT_ACCEPTABLE,
                "Accept '" + accept + "' allows none of the forms offered: " + String.join(", ", offered));
    }

    /** Each media range as {type, q}; ranges with q=0 are refusals and left out. */
    private static List<String[]> ranges(String accept) {
        return Arrays.stream(accept.split(","))
                // -1: a part of only semicolons (";;;") is one empty range, not an empty array
                .map(part -> part.split(";", -1))
                .map(p -> new String[] {p[0].strip().toLowerCase(Locale.ROOT), quality(p)})
                .filter(r -> !r[0].isEmpty() && !r[1].equals("0"))
                .toList();
    }

    private static String quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                String q = p.substring(2).strip();
                return q.matches("0(\\.0{0,3})?") ? "0" : q;
            }
        }
        return "1";
    }

    private static double q(String[] range) {
        try {
            return Double.parseDouble(range[1]);
        } catch (NumberFormatException e) {
            return 1; // a malformed weight is not a refusal
        }
    }

    private static boolean matches(String[] range, String type) {
        String r = range[0];
        return r.equals(type)
                || r.equals("*/*")
                || (r.endsWith("/*") && type.startsWith(r.substring(0, r.length() - 1)));
    }
}
