package org.linkway.server.referral;

/**
 * A move of a referral as a link worker asked for it, built in named steps:
 *
 * <pre>{@code
 * Transition.of(id, expectedVersion).to(Lifecycle.COMPLETED).reason("Joined a walking group").gpActions("Review at the next appointment")
 * }</pre>
 *
 * @param referralId      the referral
 * @param expectedVersion the version {@code If-Match} named: the move is made from it or not at all
 * @param to              where it moves
 * @param reason          why, or null (some states need one)
 * @param gpActions       what the GP practice is asked to do, for the message back, or null
 */
public record Transition(String referralId, long expectedVersion, Lifecycle to, String reason, String gpActions) {

    /** A move of this referral from this version, to nowhere yet. */
    public static Transition of(String referralId, long expectedVersion) {
        return new Transition(referralId, expectedVersion, null, null, null);
    }

    public Transition to(Lifecycle to) {
        return new Transition(referralId, expectedVersion, to, reason, gpActions);
    }

    public Transition reason(String reason) {
        return new Transition(referralId, expectedVersion, to, reason, gpActions);
    }

    public Transition gpActions(String gpActions) {
        return new Transition(referralId, expectedVersion, to, reason, gpActions);
    }
}
