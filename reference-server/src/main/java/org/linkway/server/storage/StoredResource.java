package org.linkway.server.storage;

import java.time.Instant;

/**
 * One version of a stored resource: the JSON document plus the columns the server queries by.
 *
 * @param type        the resource type, e.g. {@code Referral}
 * @param id          the server-assigned id
 * @param version     1 for the first version, then +1 per change; also the ETag
 * @param referralId  the referral the resource belongs to (a referral's own id for a referral)
 * @param status      lifecycle state where the resource has one, else null
 * @param referrerOrg the referring organisation's code, for referrals, else null
 * @param body        the JSON document
 */
public record StoredResource(
        String type,
        String id,
        long version,
        String referralId,
        String status,
        String referrerOrg,
        String body,
        Instant createdAt,
        Instant updatedAt) {

    /** The same version with another document: how a reader sees it with what is kept beside it (feedback). */
    public StoredResource withBody(String shown) {
        return new StoredResource(type, id, version, referralId, status, referrerOrg, shown, createdAt, updatedAt);
    }

    /** This version, as something another record can point at. */
    public ResourceRef ref() {
        return new ResourceRef(type, id, version);
    }
}
