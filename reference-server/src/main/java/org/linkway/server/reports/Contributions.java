package org.linkway.server.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What each fact row adds to the report counts. The counts are exactly the sum of these over
 * all fact rows, which is what lets the projection keep them in step by subtracting a row's old
 * contributions and adding its new ones.
 */
final class Contributions {

    record Key(String section, String month, String org, String rowKey, String category) {}

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final long DAY_MICROS = 86_400_000_000L;
    static final double TOLERANCE = 1e-6;

    private Contributions() {}

    static String month(long micros) {
        return MONTH.format(Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    static List<Key> of(Facts.Referral r) {
        List<Key> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        // the referral's month and its waits follow the referral date PRSB records, not when it reached Linkway
        String m = month(r.referredAt());
        String org = r.referrerOrg();
        out.add(new Key(Section.AGE_BAND.id(), m, org, "", r.ageBand()));
        out.add(new Key(Section.GENDER.id(), m, org, "", r.gender()));
        out.add(new Key(Section.ETHNICITY.id(), m, org, "", r.ethnicity()));
        out.add(new Key(Section.GP_PRACTICE.id(), m, org, "", r.gpPractice()));
        for (String need : r.needs()) {
            out.add(new Key(Section.NEEDS.id(), m, org, "", need));
        }
        out.add(new Key(Section.SOURCE.id(), m, org, "", r.source()));
        out.add(new Key(Section.ROUTE.id(), m, org, "", r.route()));
        out.add(new Key(Section.STATUS.id(), m, org, "", r.status()));
        out.add(new Key(Section.REREFERRAL.id(), m, org, "", r.rereferral() ? "re-referral" : "first-referral"));
        out.add(new Key(
                Section.FIRST_CONTACT.id(),
                m,
                org,
                "",
                r.firstContactAt() == null
                        ? "no-contact-yet"
                        : days(
                                r.firstContactAt() - r.referredAt(),
                                new long[] {2, 7, 14, 28},
                                List.of("0-2", "3-7", "8-14", "15-28", "29+"))));
        int c = r.contacts();
        out.add(new Key(
                Section.CONTACTS.id(), m, org, "", c == 0 ? "0" : c == 1 ? "1" : c == 2 ? "2" : c <= 5 ? "3-5" : "6+"));
        if (r.closedAt() == null) {
            out.add(new Key(Section.CLOSURE_TIME.id(), m, org, "", "open"));
        } else {
            out.add(new Key(
                    Section.CLOSURE_TIME.id(),
                    m,
                    org,
                    "",
                    days(
                            r.closedAt() - r.receivedAt(),
                            new long[] {28, 56, 84, 182},
                            List.of("0-28", "29-56", "57-84", "85-182", "183+"))));
        }
        if (r.engagedAt() != null) {
            out.add(new Key(Section.SNOMED.id(), month(r.engagedAt()), org, "", "871731000000106"));
        }
        if (r.declinedAt() != null) {
            out.add(new Key(Section.SNOMED.id(), month(r.declinedAt()), org, "", "871711000000103"));
        }
        return out;
    }

    static List<Key> of(Facts.Onward o, Facts.Referral of) {
        if (o == null || of == null) {
            return List.of();
        }
        String m = month(of.referredAt());
        return List.of(new Key(Section.ONWARD_OUTCOME.id(), m, of.referrerOrg(), o.category(), o.status()));
    }

    static List<Key> of(Facts.Outcome o, Facts.Referral of) {
        if (o == null || of == null || o.administrations() < 2 || o.lastAt() <= o.firstAt()) {
            return List.of();
        }
        double improvement = (o.lastValue() - o.firstValue()) * o.better();
        String trend = Math.abs(improvement) <= TOLERANCE ? "unchanged" : improvement > 0 ? "improved" : "worsened";
        return List.of(new Key(
                Section.OUTCOME_CHANGE.id(),
                month(of.referredAt()),
                of.referrerOrg(),
                o.instrument() + "/" + o.scoreId(),
                trend));
    }

    private static String days(long micros, long[] upper, List<String> labels) {
        long d = Math.max(0, micros / DAY_MICROS);
        for (int i = 0; i < upper.length; i++) {
            if (d <= upper[i]) {
                return labels.get(i);
            }
        }
        return labels.get(labels.size() - 1);
    }
}
