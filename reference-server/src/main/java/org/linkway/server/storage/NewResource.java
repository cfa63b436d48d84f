package org.linkway.server.storage;

/**
 * Version 1 of a resource, as {@link Tx#create} stores it, built in named steps so that the
 * columns cannot be swapped:
 *
 * <pre>{@code
 * tx.create(NewResource.of("Referral", id).inReferral(id).status("received").referrerOrg("Y1234").body(json));
 * }</pre>
 *
 * @param type        the resource type, e.g. {@code Referral}
 * @param id          the server-assigned id
 * @param referralId  the referral it belongs to (a referral's own id for a referral), or null
 * @param status      its lifecycle state where it has one, else null
 * @param referrerOrg the referring organisation's code, for referrals, else null
 * @param body        the JSON document
 */
public record NewResource(String type, String id, String referralId, String status, String referrerOrg, String body) {

    /** A resource with no referral, status, referrer or body yet. */
    public static NewResource of(String type, String id) {
        return new NewResource(type, id, null, null, null, null);
    }

    public NewResource inReferral(String referralId) {
        return new NewResource(type, id, referralId, status, referrerOrg, body);
    }

    public NewResource status(String status) {
        return new NewResource(type, id, referralId, status, referrerOrg, body);
    }

    public NewResource referrerOrg(String referrerOrg) {
        return new NewResource(type, id, referralId, status, referrerOrg, body);
    }

    public NewResource body(String body) {
        return new NewResource(type, id, referralId, status, referrerOrg, body);
    }
}
