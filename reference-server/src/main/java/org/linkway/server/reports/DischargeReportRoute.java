package org.linkway.server.reports;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.MessageType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;

/**
 * {@code GET /v1/reports/hospital-discharge}: reads every referral's current hospital stay (a
 * scheme records hundreds a year, not millions, so they are read as stored rather than folded
 * into report tables) and answers {@link DischargeReport} for the months asked.
 */
final class DischargeReportRoute {

    private DischargeReportRoute() {}

    static void answer(Context ctx, Store store) {
        YearMonth from = ReportRoutes.month(ctx.queryParam("from"), "from");
        YearMonth to = ReportRoutes.month(ctx.queryParam("to"), "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badParameter("to", "the month " + to + " is before 'from' (" + from + ")");
        }
        DischargeAssumptions a = assumptions(ctx);
        List<DischargeStay> stays = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<StoredResource> page = store.transaction(tx -> tx.list(
                    ListQuery.of(MessageType.HOSPITAL_DISCHARGE.resourceType()).after(after)));
            for (StoredResource r : page.items()) {
                stays.add(DischargeStay.of(Json.MAPPER.readTree(r.body()), r.createdAt()));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Json.respond(ctx, 200, DischargeReport.answer(stays, from, to, a));
    }

    static DischargeAssumptions assumptions(Context ctx) {
        String days = ctx.queryParam("avoidedAdmissionBedDays");
        String cost = ctx.queryParam("bedDayCost");
        int d = DischargeAssumptions.DEFAULT_AVOIDED_ADMISSION_BED_DAYS;
        BigDecimal c = DischargeAssumptions.DEFAULT_BED_DAY_COST;
        if (days != null) {
            if (!days.matches("[0-9]{1,3}") || Integer.parseInt(days) > 366) {
                throw ApiProblem.badParameter("avoidedAdmissionBedDays", "a whole number of days from 0 to 366");
            }
            d = Integer.parseInt(days);
        }
        if (cost != null) {
            if (!cost.matches("[0-9]{1,6}(\\.[0-9]{1,2})?")
                    || new BigDecimal(cost).compareTo(BigDecimal.valueOf(100000)) > 0) {
                throw ApiProblem.badParameter("bedDayCost", "pounds from 0 to 100000, at most two decimals");
            }
            c = new BigDecimal(cost);
        }
        return new DischargeAssumptions(d, c);
    }
}
