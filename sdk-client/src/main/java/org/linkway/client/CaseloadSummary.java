package org.linkway.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * How many open referrals each link worker of a service holds: for the service's lead (a token
 * with the claim {@code lead: true}) or an admin. Counts only; the referrals themselves are read
 * through each link worker's own caseload.
 *
 * <pre>{@code
 * CaseloadSummary summary = lead.caseload().summary();
 * summary.counts().forEach((worker, open) -> System.out.println(worker + ": " + open));
 * }</pre>
 *
 * @param organisation          the link worker service
 * @param linkWorkers           one entry per link worker holding at least one open referral, by subject
 * @param openReferralsAssigned the open referrals assigned to anyone in the service
 */
public record CaseloadSummary(String organisation, List<LinkWorkerCount> linkWorkers, long openReferralsAssigned) {

    public CaseloadSummary {
        Objects.requireNonNull(organisation, "organisation");
        linkWorkers = List.copyOf(linkWorkers);
    }

    /**
     * One link worker's count.
     *
     * @param linkWorker    the link worker's token subject
     * @param openReferrals the open referrals they hold
     */
    public record LinkWorkerCount(String linkWorker, long openReferrals) {}

    /** The counts by link worker, in the server's order (by subject). */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        linkWorkers.forEach(c -> out.put(c.linkWorker(), c.openReferrals()));
        return out;
    }

    /** How many open referrals {@code linkWorker} holds; 0 when they hold none. */
    public long openReferralsOf(String linkWorker) {
        return counts().getOrDefault(linkWorker, 0L);
    }

    static CaseloadSummary from(JsonNode n) {
        List<LinkWorkerCount> counts = new java.util.ArrayList<>();
        for (JsonNode w : n.path("linkWorkers")) {
            counts.add(new LinkWorkerCount(Answers.text(w, "linkWorker"), Answers.number(w, "openReferrals")));
        }
        return new CaseloadSummary(Answers.text(n, "organisation"), counts, Answers.number(n, "openReferralsAssigned"));
    }
}
