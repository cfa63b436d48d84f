package org.linkway.conformance.internal.sender;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.linkway.conformance.internal.Examples;
import org.linkway.model.MessageBack;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message back the kit plays back for a referral it accepted, for the sender to fetch and
 * file: the shipped example's outcome and journey, about the person, GP practice and referral
 * the sender sent, so a sender that files it against the wrong person can be seen doing so.
 */
final class SenderMessageBack {

    static final String EXAMPLE = "valid/message-back--completed-with-outcomes.json";

    /** Sections a message back repeats from the referral it answers. */
    private static final List<String> FROM_REFERRAL =
            List.of("personDemographics", "gpPractice", "referralDetails", "referrerReferralId");

    private SenderMessageBack() {}

    /**
     * The message back for the referral accepted as {@code id}; when the referral's own sections do
     * not make a valid message back (a field allowed in one and not the other), the example's stay.
     */
    static ObjectNode of(ObjectNode referral, String id, MessageValidator validator) {
        ObjectNode back = base(id);
        for (String section : FROM_REFERRAL) {
            if (referral.has(section)) {
                back.set(section, referral.get(section).deepCopy());
            }
        }
        if (validator.validate(back.toString()).isValid()) {
            return back;
        }
        ObjectNode fallback = base(id);
        if (referral.has("referrerReferralId")) {
            fallback.set(
                    "referrerReferralId", referral.get("referrerReferralId").deepCopy());
        }
        return fallback;
    }

    private static ObjectNode base(String id) {
        ObjectNode back = Examples.tree(EXAMPLE);
        back.put("id", "mb-" + id);
        back.put("referralId", id);
        back.put(
                "sentAt",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return back;
    }

    /** The typed message back, for the FHIR document form. */
    static MessageBack typed(ObjectNode back) {
        return LinkwayJson.mapper().treeToValue(back, MessageBack.class);
    }
}
