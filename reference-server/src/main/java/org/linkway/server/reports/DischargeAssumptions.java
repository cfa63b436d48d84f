package org.linkway.server.reports;

import java.math.BigDecimal;

/**
 * The assumptions behind the hospital discharge report's bed days and their value, stated in
 * every answer because the figures are indicative, as the Norfolk &amp; Waveney evaluation said of
 * its own (docs/OUTCOMES.md).
 *
 * @param avoidedAdmissionBedDays the hospital bed days an avoided admission counts as when the
 *     social prescriber recorded none; default 2, the scheme's referral criterion (a referral had
 *     to save at least 2 bed days)
 * @param bedDayCost pounds per hospital bed day, to value the days; default 700 (the evaluation's
 *     case study of 14 bed days at £9,800; its own costing used the NHS tariff per patient)
 */
record DischargeAssumptions(int avoidedAdmissionBedDays, BigDecimal bedDayCost) {

    static final int DEFAULT_AVOIDED_ADMISSION_BED_DAYS = 2;
    static final BigDecimal DEFAULT_BED_DAY_COST = BigDecimal.valueOf(700);

    static DischargeAssumptions defaults() {
        return new DischargeAssumptions(DEFAULT_AVOIDED_ADMISSION_BED_DAYS, DEFAULT_BED_DAY_COST);
    }
}
