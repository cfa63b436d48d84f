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

    static final String MARKER = Suppression.SUPPRESSED;
    private static final List<String> OUTCOMES = List.of("discharge", "admission-avoidance", "other");
    private static final List<String> ANSWERS = List.of("yes", "no", "died", "declined-conveyance");

    private DischargeReport() {}

    /**
     * The one place the report calls disclosure control, so a change of method is a change here:
     * the report's tables are released together, as the other reports' are.
     */
    static List<Suppression.Published> publish(List<Suppression.Table> tables) {
        return Suppression.publish(tables);
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
        sup.put("method", Suppression.METHOD);
        sup.put("marker", MARKER);
        sup.put("withheldMarker", Suppression.WITHHELD);
        sup.put("smallestShown", Suppression.SMALLEST_SHOWN);
        sup.put("roundingBase", Suppression.BASE);
        sup.put(
                "rule",
                Suppression.RULE + " A sum (bed days, value, spend) is shown only where the row's count of people is"
                        + " at least " + Suppression.SMALLEST_SHOWN + ", and a rate only from shown counts.");
        List<DischargeStay> budgets =
                stays.stream().filter(s -> s.budgetCost() != null).toList();
        List<Suppression.Table> tables = List.of(
                counts("service-outcome", months, stays, OUTCOMES, DischargeStay::outcome),
                counts("readmission-2-weeks", months, stays, ANSWERS, DischargeStay::readmitted2Weeks),
                counts("readmission-3-months", months, stays, ANSWERS, DischargeStay::readmitted3Months),
                counts("personal-health-budgets", months, budgets, List.of("given"), s -> "given"));
        List<Suppression.Published> published = publish(tables);
        ArrayNode sections = out.putArray("sections");
        ObjectNode outcome = write(sections, tables.get(0), published.get(0));
        addSums(outcome, tables.get(0), months, stays, "bedDaysSaved", s -> s.bedDaysSaved(a), null);
        addSums(outcome, tables.get(0), months, stays, "estimatedValue", s -> s.bedDaysSaved(a), a.bedDayCost());
        rates(write(sections, tables.get(1), published.get(1)));
        rates(write(sections, tables.get(2), published.get(2)));
        ObjectNode phb = write(sections, tables.get(3), published.get(3));
        addMoney(phb, tables.get(3), months, budgets);
        return out;
    }

    /** A counts table: one row per month, one column per value of {@code column} (others not counted). */
    private static Suppression.Table counts(
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
        return new Suppression.Table(
                id, months.stream().map(YearMonth::toString).toList(), columns, cells);
    }

    /** The published table as JSON: each month's row, then the totals. */
    private static ObjectNode write(ArrayNode sections, Suppression.Table table, Suppression.Published p) {
        ObjectNode t = sections.addObject();
        t.put("id", table.id());
        ArrayNode cols = t.putArray("columns");
        table.columns().forEach(cols::add);
        ArrayNode rows = t.putArray("rows");
        int months = table.rows().size();
        int c = table.columns().size();
        for (int i = 0; i <= months; i++) {
            ObjectNode row = i < months ? rows.addObject() : t.putObject("totals");
            if (i < months) {
                row.put("month", table.rows().get(i));
            }
            ObjectNode cellNode = row.putObject("cells");
            for (int j = 0; j < c; j++) {
                put(cellNode, table.columns().get(j), p.value(i, j));
            }
            put(row, "total", p.value(i, c));
        }
        return t;
    }

    /**
     * Whether a row's people are enough to show a sum over them: at least the smallest count the
     * method shows, in a row not withheld (the totals row counts everyone).
     */
    private static boolean enough(Suppression.Table table, ObjectNode row, int i) {
        if (row.path("total").isString()) {
            return false;
        }
        long people = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            if (r == i || i == table.rows().size()) {
                for (int j = 0; j < table.columns().size(); j++) {
                    people += table.cell(r, j);
                }
            }
        }
        return people >= Suppression.SMALLEST_SHOWN;
    }

    /** A sum over each row's people, shown where the row's total count is. */
    private static void addSums(
            ObjectNode t,
            Suppression.Table table,
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
            if (enough(table, row, i)) {
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

    private static void addMoney(
            ObjectNode t, Suppression.Table table, List<YearMonth> months, List<DischargeStay> budgets) {
        BigDecimal[] sums = new BigDecimal[months.size() + 1];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (DischargeStay s : budgets) {
            sums[months.indexOf(s.month())] = sums[months.indexOf(s.month())].add(s.budgetCost());
            sums[months.size()] = sums[months.size()].add(s.budgetCost());
        }
        forEachRow(t, months.size(), (row, i) -> {
            if (enough(table, row, i)) {
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

    private static void put(ObjectNode node, String name, Object value) {
        if (value instanceof Long n) {
            node.put(name, n);
        } else {
            node.put(name, String.valueOf(value));
        }
    }
}
