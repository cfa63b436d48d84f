package org.linkway.model;

import java.util.Optional;

/**
 * Every problem a Linkway server answers with: the stable slug, the HTTP status that goes with it,
 * a short title, and the {@code type} URI of the RFC 9457 problem document
 * ({@code urn:linkway:problem:<slug>}). The reference server builds its problem documents from
 * these constants only, the client maps answers through them, and the table in
 * {@code schemas/openapi.yaml} is rendered from them (a test fails when the two differ).
 *
 * <p>Slugs are forever: a constant may be reworded, never renamed or given another status. A
 * newer server may answer with a slug this version does not know; {@link #fromType} and
 * {@link #fromSlug} are empty then, and a client falls back on the status.
 *
 * <pre>{@code
 * catch (LinkwayException e) {
 *     if (e.problemType().orElse(null) == ProblemType.REFERRAL_OPEN) { retryLater(); }
 * }
 * }</pre>
 */
public enum ProblemType {
    MALFORMED_BODY("malformed-body", 400, "Malformed body", "the body is not well-formed JSON or not an object"),
    BAD_PARAMETER("bad-parameter", 400, "Bad parameter", "a query or path parameter breaks its rule"),
    BAD_HEADER("bad-header", 400, "Bad header", "`Idempotency-Key` or `If-Match` is malformed"),
    BAD_REQUEST("bad-request", 400, "Bad request", "the HTTP request itself cannot be read"),
    UNAUTHORISED(
            "unauthorised",
            401,
            "Unauthorised",
            "no bearer token, or one that does not verify (expired, wrong key, wrong audience)"),
    FORBIDDEN("forbidden", 403, "Forbidden", "the caller's role or organisation may not do this"),
    NOT_FOUND("not-found", 404, "Not found", "no such resource (or not one the caller may see), or no such endpoint"),
    METHOD_NOT_ALLOWED(
            "method-not-allowed",
            405,
            "Method not allowed",
            "the path does not offer the method; `Allow` lists those it does"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "`Accept` allows no form the resource is offered in"),
    REQUEST_TIMEOUT(
            "request-timeout",
            408,
            "Request timeout",
            "the request body came too slowly (below the minimum rate after a grace period) or not whole by the deadline"),
    ILLEGAL_TRANSITION(
            "illegal-transition",
            409,
            "Illegal transition",
            "the lifecycle does not allow the move; `currentState`, `requestedState` and `allowed` say why"),
    REFERRAL_OPEN("referral-open", 409, "Referral still open", "no message back yet: the referral is still open"),
    NO_MESSAGE_BACK(
            "no-message-back", 409, "No message back", "the referral was cancelled, so no message back is sent"),
    REFERRAL_CLOSED(
            "referral-closed",
            409,
            "Referral closed",
            "the referral has ended (rejected, declined, unable-to-contact, completed, cancelled), so no contact, assessment, "
                    + "signpost, onward referral or care plan version can be added; `currentState` names the state. "
                    + "Consent decisions are still accepted"),
    FEEDBACK_LIMIT(
            "feedback-limit",
            409,
            "Feedback limit reached",
            "the onward referral holds as much provider feedback as the server keeps for one (`limit`, `entries`, "
                    + "`bytes`, `maxBytes`); earlier feedback stays readable"),
    STALE_VERSION(
            "stale-version",
            412,
            "Precondition failed",
            "`If-Match` is not the current version (or the resource changed meanwhile); `currentVersion` names it"),
    TOO_LARGE("too-large", 413, "Request too large", "the body is too large"),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            415,
            "Unsupported media type",
            "the body is not `application/json` (or FHIR JSON)"),
    INVALID_REFERRAL(
            "invalid-referral",
            422,
            "Invalid Referral",
            "the referral breaks the schema or a PRSB rule (see `findings`)"),
    INVALID_ONWARD_REFERRAL(
            "invalid-onward-referral",
            422,
            "Invalid OnwardReferral",
            "the onward referral breaks the schema or a rule (see `findings`)"),
    INVALID_CARE_PLAN(
            "invalid-care-plan", 422, "Invalid CarePlan", "the care plan breaks the schema or a rule (see `findings`)"),
    INVALID_CONSENT(
            "invalid-consent",
            422,
            "Invalid Consent",
            "the consent decision breaks the schema or a rule (see `findings`)"),
    INVALID_CONTACT_RECORD(
            "invalid-contact-record",
            422,
            "Invalid ContactRecord",
            "the contact record breaks the schema or a rule (see `findings`)"),
    INVALID_ASSESSMENT(
            "invalid-assessment",
            422,
            "Invalid Assessment",
            "the assessment breaks the schema or a rule, or its answers do not score (see `findings`)"),
    INVALID_SIGNPOST(
            "invalid-signpost", 422, "Invalid Signpost", "the signpost breaks the schema or a rule (see `findings`)"),
    INVALID_HOSPITAL_DISCHARGE(
            "invalid-hospital-discharge",
            422,
            "Invalid HospitalDischarge",
            "the hospital stay breaks the schema or a rule (see `findings`)"),
    INVALID_APPOINTMENT(
            "invalid-appointment",
            422,
            "Invalid appointment",
            "the appointment breaks a rule: times, method, place or text lengths (see `findings`: `LW-APPOINTMENT-*`)"),
    INVALID_FEEDBACK(
            "invalid-feedback",
            422,
            "Invalid feedback",
            "the provider's feedback breaks the schema or a rule (see `findings`)"),
    INVALID_FHIR_REFERRAL(
            "invalid-fhir-referral",
            422,
            "Invalid FHIR referral",
            "the FHIR Bundle cannot be read as a referral, or the referral it carries is invalid (see `findings`)"),
    INVALID_FHIR_MESSAGE(
            "invalid-fhir-message",
            400,
            "Invalid FHIR message",
            "the body is not a FHIR message this endpoint processes: a `message` Bundle with an id, its MessageHeader "
                    + "first, an event it supports, a sender and a focus in the Bundle (see `findings`)"),
    DUPLICATE_MESSAGE(
            "duplicate-message",
            409,
            "Duplicate message",
            "a message with this id was already processed with other content; the same message sent again is "
                    + "answered with its first answer"),
    INVALID_SUBSCRIPTION(
            "invalid-subscription",
            422,
            "Invalid subscription",
            "the subscription request breaks a rule (see `findings`: `LW-SUBSCRIPTION-*`)"),
    INVALID_TIME_RULES(
            "invalid-time-rules",
            422,
            "Invalid time rules",
            "the link worker service's time rules break a rule (see `findings`: `LW-TIME-RULE-*`); nothing was changed"),
    INVALID_IMPORT(
            "invalid-import",
            422,
            "Invalid import",
            "the spreadsheet cannot be imported: a row or cell breaks a rule (see `findings`, each naming its row "
                    + "and column) or the file breaks a limit (`importLimit`, `maxAllowed`); nothing was stored"),
    INVALID_WITHOUT_UNKNOWN_PROPERTIES(
            "invalid-without-unknown-properties",
            422,
            "Invalid without unknown properties",
            "without the properties the server drops, the message is invalid"),
    WRONG_MESSAGE_TYPE(
            "wrong-message-type",
            422,
            "Wrong message type",
            "the body is another kind of message than the endpoint takes"),
    SERVER_ASSIGNED(
            "server-assigned",
            422,
            "Server-assigned field",
            "the body carries a field the server assigns (`id`, `status`, `referralId`, `version`)"),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            422,
            "Idempotency key reused",
            "the key was used for a different body or endpoint"),
    INVALID_TRANSITION_REQUEST(
            "invalid-transition-request",
            422,
            "Invalid transition request",
            "the transition body is wrong (`to` is not a state, `gpActions` is not allowed or too long)"),
    INVALID_ASSIGNMENT(
            "invalid-assignment",
            422,
            "Invalid assignment",
            "the assignment body is wrong (`linkWorker` is not a token subject, or an unknown member)"),
    REASON_REQUIRED("reason-required", 422, "Reason required", "the target state needs a reason"),
    SIGNATURE_INVALID(
            "signature-invalid",
            422,
            "Signature invalid",
            "the request's `Linkway-Signature` does not hold (finding `LW-SIGNATURE-INVALID`); nothing was written"),
    SIGNATURE_REQUIRED(
            "signature-required",
            422,
            "Signature required",
            "the server accepts only signed referrals and this one carries no `Linkway-Signature`"),
    IF_MATCH_REQUIRED("if-match-required", 428, "Precondition required", "`If-Match` is missing"),
    TOO_MANY_REQUESTS(
            "too-many-requests",
            429,
            "Too many requests",
            "the bearer token or the client address already has as many requests in progress as the server takes; "
                    + "`Retry-After` says when to try again"),
    SERVER_ERROR("server-error", 500, "Server error", "the server failed; quote `requestId`"),
    AUDIT_UNAVAILABLE(
            "audit-unavailable",
            503,
            "Audit unavailable",
            "the answer was withheld because it could not be written to the audit trail; quote `requestId`");

    /** The prefix of every Linkway problem type URI. */
    public static final String TYPE_PREFIX = "urn:linkway:problem:";

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** The stable code, e.g. {@code stale-version}: what clients switch on. */
    public String slug() {
        return slug;
    }

    /** The HTTP status every answer of this type has. */
    public int status() {
        return status;
    }

    /** The problem document's {@code title}: the same for every answer of this type. */
    public String title() {
        return title;
    }

    /** When a server answers with it, for people (Markdown; the OpenAPI document's table shows it). */
    public String description() {
        return description;
    }

    /** The problem document's {@code type}: {@code urn:linkway:problem:<slug>}. */
    public String type() {
        return TYPE_PREFIX + slug;
    }

    /** The constant with this slug; empty for a slug this version does not know. */
    public static Optional<ProblemType> fromSlug(String slug) {
        for (ProblemType t : values()) {
            if (t.slug.equals(slug)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The constant with this {@code type} URI; empty for another namespace or a slug this version does not know. */
    public static Optional<ProblemType> fromType(String type) {
        return type != null && type.startsWith(TYPE_PREFIX)
                ? fromSlug(type.substring(TYPE_PREFIX.length()))
                : Optional.empty();
    }
}
