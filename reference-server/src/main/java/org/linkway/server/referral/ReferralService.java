package org.linkway.server.referral;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.linkway.model.MessageType;
import org.linkway.model.ProblemType;
import org.linkway.server.http.Answer;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Intake;
import org.linkway.server.http.Json;
import org.linkway.server.http.Preconditions;
import org.linkway.server.messageback.Closing;
import org.linkway.server.messageback.MessageBackIssuer;
import org.linkway.server.person.Keyset;
import org.linkway.server.person.PersonIndex;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.server.storage.VersionConflictException;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.node.ObjectNode;

/** Receiving referrals and moving them through their journey, each change with its event, in one transaction. */
public final class ReferralService {

    public static final String TYPE = "Referral";
    public static final String MESSAGE_BACK = MessageBackIssuer.TYPE;
    private static final String REFERRER_ORG = "/referralDetails/entries/0/referrerDetails/organisation/code";

    private final Store store;
    private final Intake intake;
    private final Idempotency idempotency;
    private final Clock clock;
    private final MessageBackIssuer messageBacks;

    public ReferralService(Store store, MessageValidator validator, Clock clock) {
        this.store = store;
        this.messageBacks = new MessageBackIssuer(validator, clock);
        this.intake = new Intake(validator);
        this.idempotency = new Idempotency(store);
        this.clock = clock;
    }

    /** Receives a referral; with a key, at most once (see {@link Idempotency}). */
    public Answer create(byte[] body, String idempotencyKey) {
        return receive(body, idempotencyKey).answer();
    }

    /**
     * Receives a referral as {@link #create} does, and says which open referrals of the same person
     * the receiving organisation already holds (possible duplicates, never a refusal). A replayed
     * answer names none: they were reported the first time, and stay in the referral's events.
     */
    public Received receive(byte[] body, String idempotencyKey) {
        AtomicReference<List<PersonIndex.Match>> duplicates = new AtomicReference<>(List.of());
        Answer answer = idempotency.create(idempotencyKey, "POST /v1/referrals", body, () -> {
            Checked checked = check(body);
            return tx -> {
                Stored s = store(tx, checked);
                duplicates.set(s.possibleDuplicates());
                StoredResource r = s.referral();
                return new Answer(201, r.body(), location(s.id()), Preconditions.etag(r.version()), false, r.ref());
            };
        });
        return new Received(answer, answer.replayed() ? List.of() : duplicates.get());
    }

    /**
     * Checks a referral as {@link #receive} does, outside any transaction, and gives it its id; a
     * referral that breaks the standard is refused with the validator's findings. With {@link #store}
     * it lets a caller (the spreadsheet import) check many referrals first and then store them all in
     * one transaction of its own.
     */
    public Checked check(byte[] body) {
        String id = UUID.randomUUID().toString();
        Map<String, String> assigned = new LinkedHashMap<>();
        assigned.put("id", id);
        assigned.put("status", Lifecycle.RECEIVED.code());
        return new Checked(
                id, intake.acceptStored(body, MessageType.REFERRAL, assigned, "referrerReferralId", REFERRER_ORG));
    }

    /** A referral checked by {@link #check}: its id and the document as it will be stored. */
    public record Checked(String id, Intake.Stored stored) {}

    /** Stores a checked referral and its {@code referral.received} event in the caller's transaction. */
    public Stored store(Tx tx, Checked checked) {
        String id = checked.id();
        StoredResource r = tx.create(NewResource.of(TYPE, id)
                .inReferral(id)
                .status(Lifecycle.RECEIVED.code())
                .referrerOrg(checked.stored().picked())
                .body(checked.stored().json()));
        tx.appendEvent(NewEvent.named("referral.received")
                .about(r.ref())
                .inReferral(id)
                .payload(eventData(null, Lifecycle.RECEIVED, null)));
        return new Stored(id, r, SamePerson.atIntake(tx, r, clock));
    }

    /**
     * A referral stored by {@link #store}.
     *
     * @param possibleDuplicates the open referrals of the same person in the receiving organisation, oldest first
     */
    public record Stored(String id, StoredResource referral, List<PersonIndex.Match> possibleDuplicates) {}

    /**
     * A referral received.
     *
     * @param answer             what to answer
     * @param possibleDuplicates the open referrals of the same person in the receiving organisation, oldest first
     */
    public record Received(Answer answer, List<PersonIndex.Match> possibleDuplicates) {}

    public StoredResource get(String id) {
        return store.read(tx -> tx.get(TYPE, id)).orElseThrow(() -> ApiProblem.notFound("referral", id));
    }

    public Page<StoredResource> list(ListQuery query) {
        return store.read(tx -> tx.list(query));
    }

    /** See {@link PersonIndex#byNhsNumber}. */
    public Page<PersonIndex.Match> byNhsNumber(
            String nhsHash, String addresseeOrg, String referrerOrg, String status, Keyset after, int limit) {
        return store.read(tx -> PersonIndex.byNhsNumber(tx, nhsHash, addresseeOrg, referrerOrg, status, after, limit));
    }

    /** Writes and updates message backs; the onward referral routes update it when a provider reports after the close. */
    public MessageBackIssuer messageBacks() {
        return messageBacks;
    }

    /**
     * Moves the referral on; an ending that tells the GP and referrer issues the message back in
     * the same transaction.
     */
    public Answer transition(Transition move) {
        String id = move.referralId();
        long expectedVersion = move.expectedVersion();
        Lifecycle to = move.to();
        String reason = move.reason();
        String gpActions = move.gpActions();
        if (gpActions != null && !to.sendsMessageBack()) {
            throw new ApiProblem(
                    ProblemType.INVALID_TRANSITION_REQUEST,
                    "'gpActions' goes into the "
                            + "message back, so it is only for an ending that sends one (completed, declined, unable-to-contact, rejected), not '"
                            + to.code() + "'");
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw new ApiProblem(
                    ProblemType.REASON_REQUIRED,
                    "moving a referral to '" + to.code()
                            + "' needs a reason: the referrer and the GP will be told why");
        }
        try {
            return store.transaction(tx -> {
                StoredResource current = tx.get(TYPE, id).orElseThrow(() -> ApiProblem.notFound("referral", id));
                if (current.version() != expectedVersion) {
                    throw Preconditions.stale("referral", expectedVersion, current.version());
                }
                Lifecycle from = Lifecycle.fromCode(current.status()).orElseThrow();
                if (!from.canMoveTo(to)) {
                    throw ApiProblem.illegalTransition(
                            "a referral",
                            from.code(),
                            to.code(),
                            from.next().stream().map(Lifecycle::code).toList());
                }
                ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(current.body());
                doc.put("status", to.code());
                StoredResource next = tx.update(current.ref(), to.code(), Json.write(doc));
                tx.appendEvent(NewEvent.named("referral.status-changed")
                        .about(next.ref())
                        .inReferral(id)
                        .payload(eventData(from, to, reason)));
                if (to.sendsMessageBack()) {
                    messageBacks.issue(tx, doc, new Closing(to.code(), reason, gpActions));
                }
                return new Answer(200, next.body(), location(id), Preconditions.etag(next.version()), false);
            });
        } catch (VersionConflictException e) {
            throw Preconditions.stale("referral", expectedVersion, e.currentVersion());
        }
    }

    public StoredResource messageBack(String id) {
        return store.transaction(tx -> {
            StoredResource referral = tx.get(TYPE, id).orElseThrow(() -> ApiProblem.notFound("referral", id));
            return tx.get(MESSAGE_BACK, id)
                    .orElseThrow(() ->
                            Lifecycle.fromCode(referral.status()).orElseThrow().isOpen()
                                    ? new ApiProblem(
                                            ProblemType.REFERRAL_OPEN,
                                            "the referral is '" + referral.status()
                                                    + "'; the message back is issued when it is completed, declined, rejected or closed as unable to contact")
                                    : new ApiProblem(
                                            ProblemType.NO_MESSAGE_BACK,
                                            "the referral was cancelled by its referrer "
                                                    + "or entered in error; no message back is sent"));
        });
    }

    private String eventData(Lifecycle from, Lifecycle to, String reason) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (from != null) {
            n.put("from", from.code());
        }
        n.put("to", to.code());
        if (reason != null) {
            n.put("reason", reason);
        }
        n.put("at", clock.instant().toString());
        return Json.write(n);
    }

    static String location(String id) {
        return "/v1/referrals/" + id;
    }
}
