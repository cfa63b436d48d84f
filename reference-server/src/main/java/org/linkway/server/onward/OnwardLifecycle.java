package org.linkway.server.onward;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An onward referral's own journey, as the VCSE provider reports it:
 * sent → accepted | declined; accepted → attended | did-not-attend; then → completed.
 * Closing the link worker's referral does not close its onward referrals.
 */
enum OnwardLifecycle {
    SENT("sent"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    ATTENDED("attended"),
    DID_NOT_ATTEND("did-not-attend"),
    COMPLETED("completed");

    private static final Map<OnwardLifecycle, Set<OnwardLifecycle>> NEXT = Map.of(
            SENT, Set.of(ACCEPTED, DECLINED),
            ACCEPTED, Set.of(ATTENDED, DID_NOT_ATTEND),
            ATTENDED, Set.of(COMPLETED),
            DID_NOT_ATTEND, Set.of(COMPLETED),
            DECLINED, Set.of(),
            COMPLETED, Set.of());

    private final String code;

    OnwardLifecycle(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean canMoveTo(OnwardLifecycle to) {
        return NEXT.get(this).contains(to);
    }

    Set<OnwardLifecycle> next() {
        return NEXT.get(this);
    }

    /** The provider says why it declined, or that the person did not come, so the link worker can follow up. */
    boolean needsReason() {
        return this == DECLINED || this == DID_NOT_ATTEND;
    }

    static Optional<OnwardLifecycle> fromCode(String code) {
        for (OnwardLifecycle l : values()) {
            if (l.code.equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
