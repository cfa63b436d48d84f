package org.linkway.server.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.linkway.server.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hospital discharge report: stays by month and outcome for the service, hospital bed days
 * saved and their value under stated assumptions (indicative, as the evaluation it follows says
 * of its own), readmission within 2 weeks and 3 months, and one-off personal health budgets and
 * their spend. Every table of counts goes through small-number suppression; a sum (bed days,
 * value, spend) or a rate is shown only where the count of people behind it is, so hiding a
 * count hides what it would reveal.
 */
final class DischargeReport {

    static final String MARKER = "*";
    private static final List<String> OUTCOMES = List.of("discharge", "admission-avoidance", "other");
    private static final List<String> ANSWERS = List.of("yes", "no", "died", "declined-conveyance");

    private DischargeReport() {}

    /**
     * The one place the report calls small-number suppression, so a change of method is a change
     * here: which entries of a months-by-columns table, with its totals, to hide.
     */
    static boolean[][] suppress(long[][] cells, int columns) {
        return Suppression.hide(cells, columns);
    }

    static ObjectNode answer(List<DischargeStay> all, YearMonth from, YearMonth to, DischargeAssumptions a) {
        List<DischargeStay> stays = all.stream()
                .filter(s -> !s.month().isBefore(from) && !s.month().isAfter(to))
                .toList();
        List<YearMonth> months = new ArrayList<>(
                new TreeSet<>(stays.stream().map(DischargeStay::month).toList()));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("report", "hospital-discharge");
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("indicative", true);
        out.put(
                "note",
                "Indicative: bed days saved rest on the social prescriber's judgement and on the assumptions stated"
                        + " here, as in the evaluation this report follows; they are not measured.");
        ObjectNode as = out.putObject("assumptions");
        as.put("avoidedAdmissionBedDays", a.avoidedAdmissionBedDays());
        as.put("bedDayCost", a.bedDayCost());
        as.put(
                "bedDaysSaved",
                "the recorded hospital bed days saved; else, for an expedited discharge, the days between the actual"
                        + " and the planned discharge; else, for an avoided admission, avoidedAdmissionBedDays");
        ObjectNode sup = out.putObject("suppression");
        sup.put("marker", MARKER);
        sup.put(
                "rule",
                "counts from 1 to " + (Suppression.THRESHOLD - 1) + " are shown as *, further counts are hidden so"
                        + " that none can be worked out from the totals, and a sum or rate is shown only where the"
                        + " count of people behind it is");
        ArrayNode sections = out.putArray("sections");
        ObjectNode outcome = table(sections, "service-outcome", months, stays, OUTCOMES, DischargeStay::outcome);
        addSums(outcome, months, stays, "bedDaysSaved", s -> s.bedDaysSaved(a), null);
        addSums(outcome, months, stays, "estimatedValue", s -> s.bedDaysSaved(a), a.bedDayCost());
        rates(table(sections, "readmission-2-weeks", months, stays, ANSWERS, DischargeStay::readmitted2Weeks));
        rates(table(sections, "readmission-3-months", months, stays, ANSWERS, DischargeStay::readmitted3Months));
        List<DischargeStay> budgets =
                stays.stream().filter(s -> s.budgetCost() != null).toList();
        ObjectNode phb = table(sections, "personal-health-budgets", months, budgets, List.of("given"), s -> "given");
        addMoney(phb, months, budgets);
        return out;
    }

    /** A counts table: one row per month, one column per value of {@code column} (others not counted). */
    private static ObjectNode table(
            ArrayNode sections,
            String id,
            List<YearMonth> months,
            List<DischargeStay> stays,
            List<String> columns,
            Function<DischargeStay, String> column) {
        long[][] cells = new long[months.size()][columns.size()];
        for (DischargeStay s : stays) {
            String value = column.apply(s); // null: not recorded (a check not yet made), counted nowhere
            int c = value == null ? -1 : columns.indexOf(value);
            if (c >= 0) {
                cells[months.indexOf(s.month())][c]++;
            }
        }
        long[][] full = Suppression.withTotals(cells, columns.size());
        boolean[][] hidden = suppress(cells, columns.size());
        ObjectNode t = sections.addObject();
        t.put("id", id);
        ArrayNode cols = t.putArray("columns");
        columns.forEach(cols::add);
        ArrayNode rows = t.putArray("rows");
        for (int i = 0; i <= months.size(); i++) {
            ObjectNode row = i < months.size() ? rows.addObject() : t.putObject("totals");
            if (i < months.size()) {
                row.put("month", months.get(i).toString());
            }
            ObjectNode cellNode = row.putObject("cells");
            for (int j = 0; j < columns.size(); j++) {
                put(cellNode, columns.get(j), full[i][j], hidden[i][j]);
            }
            put(row, "total", full[i][columns.size()], hidden[i][columns.size()]);
        }
        return t;
    }

    /** A sum over each row's people, shown where the row's total count is. */
    private static void addSums(
            ObjectNode t,
            List<YearMonth> months,
            List<DischargeStay> stays,
            String name,
            ToLongFunction<DischargeStay> value,
            BigDecimal factor) {
        long[] sums = new long[months.size() + 1];
        for (DischargeStay s : stays) {
            long v = value.applyAsLong(s);
            sums[months.indexOf(s.month())] += v;
            sums[months.size()] += v;
        }
        forEachRow(t, months.size(), (row, i) -> {
            if (shown(row)) {
                if (factor == null) {
                    row.put(name, sums[i]);
                } else {
                    row.put(name, factor.multiply(BigDecimal.valueOf(sums[i])).setScale(2, RoundingMode.HALF_UP));
                }
            } else {
                row.put(name, MARKER);
            }
        });
    }

    private static void addMoney(ObjectNode t, List<YearMonth> months, List<DischargeStay> budgets) {
        BigDecimal[] sums = new BigDecimal[months.size() + 1];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (DischargeStay s : budgets) {
            sums[months.indexOf(s.month())] = sums[months.indexOf(s.month())].add(s.budgetCost());
            sums[months.size()] = sums[months.size()].add(s.budgetCost());
        }
        forEachRow(t, months.size(), (row, i) -> {
            if (shown(row)) {
                row.put("spend", sums[i].setScale(2, RoundingMode.HALF_UP));
            } else {
                row.put("spend", MARKER);
            }
        });
    }

    /** Readmitted (yes) over everyone checked, where both counts are shown. */
    private static void rates(ObjectNode t) {
        forEachRow(t, t.path("rows").size(), (row, i) -> {
            boolean known = shown(row) && !row.path("cells").path("yes").isString();
            long total = row.path("total").asLong(0);
            if (known && total > 0) {
                row.put(
                        "rate",
                        BigDecimal.valueOf(row.path("cells").path("yes").asLong())
                                .divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP));
            } else {
                row.put("rate", known ? null : MARKER);
            }
        });
    }

    private interface RowAction {
        void apply(ObjectNode row, int index);
    }

    /** Each month's row, then the totals (index {@code months}). */
    private static void forEachRow(ObjectNode t, int months, RowAction action) {
        for (int i = 0; i < months; i++) {
            action.apply((ObjectNode) t.path("rows").get(i), i);
        }
        action.apply((ObjectNode) t.path("totals"), months);
    }

    private static boolean shown(ObjectNode row) {
        return !row.path("total").isString();
    }

    private static void put(ObjectNode node, String name, long value, boolean hidden) {
        if (hidden) {
            node.put(name, MARKER);
        } else {
            node.put(name, value);
        }
    }
}
