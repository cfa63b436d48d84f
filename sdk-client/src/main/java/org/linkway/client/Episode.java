package org.linkway.client;

import java.time.Instant;
import java.util.Objects;
import org.linkway.model.Referral;
import tools.jackson.databind.JsonNode;

/**
 * Another referral of the same person in the same link worker service: an earlier episode once
 * closed (step up, step down), a possible duplicate while open. Only the link worker service the
 * referral is addressed to reads them.
 *
 * <pre>{@code
 * for (Episode e : client.referral(id).episodes()) {
 *     System.out.println(e.id() + " " + e.status().value() + (e.open() ? " (open)" : ""));
 * }
 * }</pre>
 *
 * @param id         the other referral's id
 * @param status     its state now
 * @param open       whether it is still open (received, accepted or in progress)
 * @param receivedAt when the server received it
 */
public record Episode(String id, Referral.Status status, boolean open, Instant receivedAt) {

    public Episode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    static Episode from(JsonNode n) {
        return new Episode(
                Answers.text(n, "id"),
                Referral.Status.fromValue(Answers.text(n, "status")),
                n.path("open").asBoolean(),
                Answers.instant(n, "receivedAt"));
    }
}
