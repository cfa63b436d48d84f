package org.linkway.server.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

/**
 * What {@code $process-message} answers, in BaRS's terms: the response message for a referral
 * received, and BaRS's error coding on each refusal's OperationOutcome.
 */
final class BarsOutcomes {

    /** The problem member naming the OperationOutcome issue type BaRS uses for a refusal (e.g. {@code duplicate}). */
    static final String ISSUE_CODE = "barsIssueCode";

    /** BaRS's error codes (REC_ for a receiver's answers). */
    static final String ERROR_CODES = "https://fhir.nhs.uk/CodeSystem/http-error-codes";

    private BarsOutcomes() {}

    /** BaRS's coding on a refusal: the receiver's error code for the status and, where given, BaRS's issue type. */
    static OperationOutcome refusal(OperationOutcome out, ApiProblem problem) {
        OperationOutcome.OperationOutcomeIssueComponent head = out.getIssueFirstRep();
        String code = errorCode(problem.status());
        if (code != null) {
            head.getDetails().addCoding(new Coding(ERROR_CODES, code, null));
        }
        Object issue = problem.members().get(ISSUE_CODE);
        if (issue instanceof String s) {
            try {
                head.setCode(OperationOutcome.IssueType.fromCode(s));
            } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
                // keep the status's own issue type
            }
        }
        return out;
    }

    /** BaRS's receiver error code for an HTTP status, null for a status BaRS names none for. */
    static String errorCode(int status) {
        return switch (status) {
            case 400, 413, 415 -> "REC_BAD_REQUEST";
            case 401 -> "REC_UNAUTHORIZED";
            case 403 -> "REC_FORBIDDEN";
            case 404 -> "REC_NOT_FOUND";
            case 405 -> "REC_METHOD_NOT_ALLOWED";
            case 406 -> "REC_NOT_ACCEPTABLE";
            case 408 -> "REC_TIMEOUT";
            case 409 -> "REC_CONFLICT";
            case 422 -> "REC_UNPROCESSABLE_ENTITY";
            case 429 -> "REC_TOO_MANY_REQUESTS";
            case 500 -> "REC_SERVER_ERROR";
            case 501 -> "REC_NOT_IMPLEMENTED";
            case 503 -> "REC_UNAVAILABLE";
            default -> null;
        };
    }

    /**
     * The response message to a new referral: a {@code message} Bundle whose MessageHeader
     * ({@code servicerequest-response}) answers the request's id with {@code ok}, its focus the
     * ServiceRequest as Linkway now holds it (its ids, under which it can be read and followed), and
     * its details an OperationOutcome with every note the conversion made. Built only from the
     * message and the stored referral, so the same message sent again gets the same answer.
     *
     * @param view       the referral's ServiceRequest as the facade shows it
     * @param received   when the referral was first stored
     * @param sourceUrl  this endpoint's URL, the answer's source
     */
    static Bundle acknowledgement(
            BarsMessage in,
            String referralId,
            ServiceRequest view,
            Instant received,
            List<Finding> notes,
            String sourceUrl) {
        Bundle b = new Bundle().setType(Bundle.BundleType.MESSAGE);
        b.setId(uuid("bundle", referralId, in.messageId));
        b.setTimestamp(Date.from(received));
        b.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + b.getIdPart()));

        String headerId = uuid("header", referralId, in.messageId);
        String requestUrl = "urn:uuid:" + uuid("service-request", referralId, in.messageId);
        String outcomeUrl = "urn:uuid:" + uuid("outcome", referralId, in.messageId);

        MessageHeader h = new MessageHeader();
        h.setId(headerId);
        h.setEvent(new Coding(in.eventSystem, BarsMessage.RESPONSE, null));
        String replyTo = in.header.getSource().hasEndpoint()
                ? in.header.getSource().getEndpoint()
                : BarsMessage.ODS + "|" + in.senderOds;
        h.addDestination()
                .setEndpoint(replyTo)
                .setReceiver(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(BarsMessage.ODS).setValue(in.senderOds)));
        h.setSender(new Reference()
                .setIdentifier(new Identifier().setSystem(BarsMessage.ODS).setValue(in.destinationOds))
                .setDisplay(in.destinationName));
        h.getSource().setName("Linkway reference server").setSoftware("Linkway").setEndpoint(sourceUrl);
        h.getReason().addCoding(reasonOf(in));
        h.getResponse()
                .setIdentifier(in.messageId)
                .setCode(MessageHeader.ResponseType.OK)
                .setDetails(new Reference(outcomeUrl));
        h.addFocus(new Reference(requestUrl));
        b.addEntry().setFullUrl("urn:uuid:" + headerId).setResource(h);

        ServiceRequest sr = new ServiceRequest();
        sr.setId(referralId);
        sr.setIdentifier(view.getIdentifier());
        sr.setStatus(view.getStatus());
        sr.setIntent(view.getIntent());
        sr.setCode(view.getCode());
        sr.setSubject(personOf(in));
        b.addEntry().setFullUrl(requestUrl).setResource(sr);

        b.addEntry().setFullUrl(outcomeUrl).setResource(OperationOutcomes.received(referralId, notes));
        return b;
    }

    private static Coding reasonOf(BarsMessage in) {
        for (Coding c : in.header.getReason().getCoding()) {
            if (BarsMessage.REASON_NEW.equals(c.getCode())) {
                return c.copy();
            }
        }
        return new Coding("https://fhir.nhs.uk/CodeSystem/message-reason-bars", BarsMessage.REASON_NEW, null);
    }

    /** The person referred, by NHS number where the message gave one: the answer carries no one's details. */
    private static Reference personOf(BarsMessage in) {
        var patient = in.lookup(in.focus.getSubject());
        if (patient instanceof org.hl7.fhir.r4.model.Patient p) {
            for (Identifier id : p.getIdentifier()) {
                if (BarsMessage.NHS_NUMBER.equals(id.getSystem()) && id.hasValue()) {
                    return new Reference()
                            .setIdentifier(new Identifier()
                                    .setSystem(BarsMessage.NHS_NUMBER)
                                    .setValue(id.getValue()));
                }
            }
        }
        return new Reference().setDisplay("the person referred");
    }

    private static String uuid(String part, String referralId, String messageId) {
        return UUID.nameUUIDFromBytes(
                        ("linkway-bars|" + part + "|" + referralId + "|" + messageId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Finding finding(String path, String message) {
        return new Finding(Severity.ERROR, Rule.FHIR_STRUCTURE.id(), path, "", message);
    }

    /** 400: not a message this endpoint can process, with BaRS's issue code and where in the message. */
    static ApiProblem malformed(String issueCode, String path, String detail) {
        return new ApiProblem(ProblemType.INVALID_FHIR_MESSAGE, detail, List.of(finding(path, detail)))
                .with(BarsOutcomes.ISSUE_CODE, issueCode);
    }
}
