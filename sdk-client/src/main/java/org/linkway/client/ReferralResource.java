package org.linkway.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import org.linkway.model.Assessment;
import org.linkway.model.Consent;
import org.linkway.model.ContactRecord;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.Signpost;
import tools.jackson.databind.JsonNode;

/**
 * One referral and the records of the person's journey under it: contacts, consent decisions,
 * the care and support plan, assessments, signposts, and the message back to the GP and the
 * referrer once it closes. Cheap to make: {@code client.referral(id)} sends nothing.
 *
 * <pre>{@code
 * ReferralResource referral = client.referral(id);
 * referral.contacts().create(firstCall);
 * Versioned<CarePlan> plan = referral.carePlan().create(agreedPlan);
 * referral.carePlan().update(revisedPlan, plan.etag());
 * MessageBack back = referral.messageBack().value();   // once the referral has closed
 * }</pre>
 */
public final class ReferralResource {

    private final Calls calls;
    private final Referrals referrals;
    private final String id;
    private final String path;

    ReferralResource(Calls calls, Referrals referrals, String id) {
        this.calls = calls;
        this.referrals = referrals;
        this.path = Referrals.path(id);
        this.id = id;
    }

    /** The referral's id. */
    public String id() {
        return id;
    }

    public Versioned<Referral> get() {
        return referrals.get(id);
    }

    /**
     * Moves this referral as the request says (see {@link Referrals#transition(TransitionRequest)});
     * the request may leave out the referral's id.
     *
     * @throws InvalidArgumentException the request names another referral
     */
    public Versioned<Referral> transition(TransitionRequest request) {
        InvalidArgumentException.require(request, "request");
        if (request.referralId() != null && !request.referralId().equals(id)) {
            throw new InvalidArgumentException(
                    "request", "names referral '" + request.referralId() + "', not this one ('" + id + "')");
        }
        return referrals.transition(request.toBuilder().referralId(id).build());
    }

    /** Moves this referral to {@code to} from the version {@code etag} names, for a move that needs no reason. */
    public Versioned<Referral> transition(Referral.Status to, String etag) {
        return transition(TransitionRequest.builder().to(to).etag(etag).build());
    }

    public List<Event> events() {
        return referrals.events(id);
    }

    /** Who in the link worker service holds this referral: read, assign, reassign. */
    public ReferralAssignment assignment() {
        return new ReferralAssignment(calls, path);
    }

    /**
     * The same person's other referrals in this link worker service, open and closed, oldest
     * received first: closed ones are earlier episodes (step up, step down), open ones possible
     * duplicates. For the link worker service only.
     */
    public List<Episode> episodes() {
        return Transport.join(episodesAsync());
    }

    public CompletableFuture<List<Episode>> episodesAsync() {
        return calls.send(ApiRequest.get(path + "/episodes")).thenApply(r -> {
            List<Episode> out = new ArrayList<>();
            for (JsonNode item : Codec.tree(r).path("items")) {
                out.add(Answers.read(item, r, Episode::from, "episode"));
            }
            return out;
        });
    }

    /** This referral's appointments, in order of last change, a page at a time (book them with {@link #book}). */
    public PagedIterable<Appointment> appointments() {
        return new Appointments(calls).list(id);
    }

    /** Books a session with the link worker under this referral (see {@link Appointments#book(String, AppointmentRequest)}). */
    public Versioned<Appointment> book(AppointmentRequest request) {
        return new Appointments(calls).book(id, request);
    }

    public CarePlans carePlan() {
        return new CarePlans(calls, path + "/care-plan");
    }

    public JourneyRecords<ContactRecord> contacts() {
        return new JourneyRecords<>(calls, path + "/contacts", ContactRecord.class);
    }

    public JourneyRecords<Consent> consents() {
        return new JourneyRecords<>(calls, path + "/consents", Consent.class);
    }

    public JourneyRecords<Assessment> assessments() {
        return new JourneyRecords<>(calls, path + "/assessments", Assessment.class);
    }

    public JourneyRecords<Signpost> signposts() {
        return new JourneyRecords<>(calls, path + "/signposts", Signpost.class);
    }

    /**
     * The message back to the GP and the referrer, issued when the referral closed (completed,
     * declined, rejected or unable to contact).
     *
     * @throws org.linkway.client.error.ConflictException {@code referral-open} while it is still open,
     *         {@code no-message-back} when it was cancelled
     */
    public Versioned<MessageBack> messageBack() {
        return Transport.join(messageBackAsync());
    }

    public CompletableFuture<Versioned<MessageBack>> messageBackAsync() {
        return calls.versioned(ApiRequest.get(path + "/message-back"), MessageBack.class);
    }

    /**
     * The message back, after proving it came from the server {@code verifier} trusts and was not
     * changed: its {@code Linkway-Signature} must hold over the body as received.
     *
     * @throws org.linkway.client.error.SignatureVerificationException unsigned, or the signature does not hold
     */
    public Versioned<MessageBack> messageBack(SignatureVerifier verifier) {
        return Transport.join(messageBackAsync(verifier));
    }

    public CompletableFuture<Versioned<MessageBack>> messageBackAsync(SignatureVerifier verifier) {
        InvalidArgumentException.require(verifier, "verifier");
        return calls.send(ApiRequest.get(path + "/message-back")).thenApply(r -> {
            verifier.verify(r.body(), r.header(SignatureVerifier.HEADER), r.requestId());
            return Calls.versioned(r, Codec.read(r, MessageBack.class));
        });
    }

    /**
     * The message back as a FHIR R4 document Bundle (JSON text).
     *
     * @throws org.linkway.client.error.NotAcceptableException when the server has no FHIR binding
     *         (a Linkway-conformant server may offer JSON only): ask for {@link #messageBack()} instead
     */
    public String messageBackFhir() {
        return Transport.join(messageBackFhirAsync());
    }

    public CompletableFuture<String> messageBackFhirAsync() {
        ApiRequest request = ApiRequest.get(path + "/message-back").withHeader("Accept", "application/fhir+json");
        return calls.send(request).thenApply(r -> new String(r.body(), StandardCharsets.UTF_8));
    }
}
