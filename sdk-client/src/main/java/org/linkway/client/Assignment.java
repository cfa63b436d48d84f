package org.linkway.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Who in the link worker service holds a referral now: the link worker's token subject, who
 * assigned it and when, and for a reassignment whom it was taken from and why. Read it with
 * {@code client.referral(id).assignment().get()}; its {@link Versioned#etag()} is what a
 * reassignment needs.
 *
 * <pre>{@code
 * Versioned<Assignment> held = client.referral(id).assignment().get();
 * System.out.println(held.value().linkWorker() + " since " + held.value().assignedAt());
 * }</pre>
 *
 * @param referralId         the referral
 * @param version            1 for the first assignment, one more at each reassignment
 * @param organisation       the link worker service the referral is addressed to
 * @param linkWorker         the link worker's token subject ({@code sub})
 * @param previousLinkWorker whom it was reassigned from; null for the first assignment
 * @param reason             why it was reassigned; null when none was given
 * @param assignedBy         the subject of the token that made the change
 * @param assignedAt         when
 */
public record Assignment(
        String referralId,
        long version,
        String organisation,
        String linkWorker,
        String previousLinkWorker,
        String reason,
        String assignedBy,
        Instant assignedAt) {

    public Assignment {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(linkWorker, "linkWorker");
    }

    /** Whom it was reassigned from, if it was. */
    public Optional<String> reassignedFrom() {
        return Optional.ofNullable(previousLinkWorker);
    }

    static Assignment from(JsonNode n) {
        return new Assignment(
                Answers.text(n, "referralId"),
                Answers.number(n, "version"),
                Answers.optionalText(n, "organisation"),
                Answers.text(n, "linkWorker"),
                Answers.optionalText(n, "previousLinkWorker"),
                Answers.optionalText(n, "reason"),
                Answers.optionalText(n, "assignedBy"),
                Answers.instant(n, "assignedAt"));
    }
}
