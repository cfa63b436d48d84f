package org.linkway.server.timerules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linkway.server.http.Json;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;

/**
 * A referral's deadlines read from the store: its contacts and care plan, and the rules of the
 * link worker service it is addressed to. One instance serves one sweep or one page, remembering
 * each service's rules meanwhile.
 */
final class Deadlines {

    private static final String CONTACT = "ContactRecord";
    private static final String CARE_PLAN = "CarePlan";

    private final ReferralClock clock;
    private final Map<String, TimeRules> rulesByService = new HashMap<>();

    Deadlines(ReferralClock clock) {
        this.clock = clock;
    }

    List<ReferralClock.Due> of(Tx tx, StoredResource referral) {
        List<StoredResource> contacts = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredResource> page =
                    tx.list(ListQuery.of(CONTACT).inReferral(referral.id()).after(cursor));
            contacts.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        String service = addressee(referral);
        TimeRules rules = service == null
                ? TimeRules.DEFAULTS
                : rulesByService.computeIfAbsent(
                        service, s -> TimeRuleStore.read(tx, s).rules());
        return clock.deadlines(referral, contacts, tx.get(CARE_PLAN, referral.id()), rules);
    }

    /** The link worker service the referral is addressed to, whose rules apply. */
    static String addressee(StoredResource referral) {
        return Json.MAPPER
                .readTree(referral.body())
                .path("referralDetails")
                .path("entries")
                .path(0)
                .path("referralTo")
                .path("organisation")
                .path("code")
                .asString(null);
    }
}
