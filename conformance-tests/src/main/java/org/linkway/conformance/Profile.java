package org.linkway.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A set of capabilities a vendor claims. Only claimed profiles can fail a run; tests of other
 * profiles are omitted, except that optional endpoints are still probed and reported.
 */
public enum Profile {
    /** Receives referrals, runs the link worker's journey and its records (the link worker service). */
    REFERRAL_RECEIVER("referral-receiver", "--token (the link worker's service)", "--token-referrer (optional)"),
    /** A VCSE provider's inbox: onward referrals, their lifecycle and the provider's feedback. */
    PROVIDER(
            "provider",
            "--token-provider",
            "--token (the link worker's service, which sends the onward referrals)",
            "--token-charity (optional)"),
    /** The message back to the referrer and GP when a referral closes. */
    FEEDBACK(
            "feedback",
            "--token (the link worker's service)",
            "--token-gp-practice (optional)",
            "--token-referrer (optional)"),
    /** Every change as an event: pulled from the log and pushed by signed webhooks. */
    EVENTS("events", "--token (the link worker's service)"),
    /** The FHIR R4 facade (an optional endpoint: probed at /fhir/R4/metadata). */
    FHIR("fhir", "--token (the link worker's service)", "--token-gp-practice (optional)"),
    /** Authentication and organisation scoping; needs tokens. */
    SECURITY("security", "--token (the link worker's service)", "--token-other-org"),
    /** Messages the server emits (and files given to the kit) validate against the standard. */
    MESSAGE_FORMAT("message-format", "--token (the link worker's service)"),
    /** Optional: publishes its service directory as an Open Referral UK API (list, paging, service shape). */
    DIRECTORY("directory"),
    /** Optional: the link worker's working day: caseload, duplicates, time rules and appointments. */
    LINK_WORKER_PRACTICE("link-worker-practice", "--token (the link worker's service)"),
    /**
     * A GP or hospital system that sends referrals and fetches their message backs: judged by the
     * {@code receive} command, where the kit is the receiving service, never by {@code run}.
     */
    REFERRAL_SENDER("referral-sender", "--token (the token the sender must present; any bearer token without it)");

    private final String id;
    private final List<String> roles;

    Profile(String id, String... roles) {
        this.id = id;
        this.roles = List.of(roles);
    }

    /**
     * The tokens (kinds of token, by their {@code run} option) this profile's tests use; a test
     * whose token was not given is skipped naming the option, unless the run has no tokens at all.
     */
    public List<String> roles() {
        return roles;
    }

    /** The id used on the command line and in reports. */
    public String id() {
        return id;
    }

    public static Optional<Profile> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Profile p : values()) {
            if (p.id.equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
