package org.linkway.server.referral;

import java.util.List;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;

/**
 * Closed means closed: once a referral has ended (rejected, declined, unable to contact,
 * completed, cancelled) nothing more is recorded on its journey, because the message back has
 * told the GP and the referrer what happened. Every route that adds a record under a referral
 * asks here, inside its write transaction, so the rule lives in one place.
 *
 * <p>Three things stay possible after closing: a consent decision (a person may withdraw consent
 * at any time, and the server must honour it), a provider's report on an onward referral
 * made before closing (it updates the message back instead), and the hospital stay's
 * readmission checks.
 */
public final class OpenReferral {

    /**
     * Never refused for a closed referral: the record kinds a person's own decision produces, and
     * the hospital stay, whose readmissions are checked 2 weeks and 3 months after the person
     * left the service (docs/OUTCOMES.md), so after the referral has closed.
     */
    private static final List<String> ALWAYS_ALLOWED = List.of("Consent", "HospitalDischarge");

    private OpenReferral() {}

    /**
     * The referral, locked against a concurrent close until the transaction ends, if a record of
     * {@code recordType} may still be added to it.
     *
     * @throws ApiProblem 404 if there is no such referral, 409 {@code referral-closed} if it has ended
     */
    public static StoredResource forNewRecord(Tx tx, String referralId, String recordType) {
        StoredResource referral = tx.getForShare(ReferralService.TYPE, referralId)
                .orElseThrow(() -> ApiProblem.notFound("referral", referralId));
        Lifecycle state = Lifecycle.fromCode(referral.status()).orElseThrow();
        if (!state.isOpen() && !ALWAYS_ALLOWED.contains(recordType)) {
            throw closed(state, recordType);
        }
        return referral;
    }

    static ApiProblem closed(Lifecycle state, String recordType) {
        return new ApiProblem(
                        ProblemType.REFERRAL_CLOSED,
                        "the referral is '" + state.code()
                                + "', so it is closed: no " + noun(recordType)
                                + " can be added to it. Consent decisions may still be "
                                + "recorded, and providers may still report on onward referrals made before it closed")
                .with("currentState", state.code());
    }

    private static String noun(String recordType) {
        return switch (recordType) {
            case "ContactRecord" -> "contact";
            case "Assessment" -> "assessment";
            case "Signpost" -> "signpost";
            case "OnwardReferral" -> "onward referral";
            case "CarePlan" -> "care plan version";
            case "Assignment" -> "assignment";
            default -> recordType;
        };
    }
}
