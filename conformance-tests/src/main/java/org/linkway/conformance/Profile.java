package org.linkway.conformance;

import java.util.Locale;
import java.util.Optional;

/**
 * A set of capabilities a vendor claims. Only claimed profiles can fail a run; tests of other
 * profiles are omitted, except that optional endpoints are still probed and reported.
 */
public enum Profile {
    /** Receives referrals, runs the link worker's journey and its records (the link worker service). */
    REFERRAL_RECEIVER("referral-receiver"),
    /** A VCSE provider's inbox: onward referrals, their lifecycle and the provider's feedback. */
    PROVIDER("provider"),
    /** The message back to the referrer and GP when a referral closes. */
    FEEDBACK("feedback"),
    /** Every change as an event: pulled from the log and pushed by signed webhooks. */
    EVENTS("events"),
    /** The FHIR R4 facade (an optional endpoint: probed at /fhir/R4/metadata). */
    FHIR("fhir"),
    /** Authentication and organisation scoping; needs tokens. */
    SECURITY("security"),
    /** Messages the server emits (and files given to the kit) validate against the standard. */
    MESSAGE_FORMAT("message-format"),
    /** Optional: publishes its service directory as an Open Referral UK API (list, paging, service shape). */
    DIRECTORY("directory");

    private final String id;

    Profile(String id) {
        this.id = id;
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
