package org.linkway.server.fhir;

import ca.uhn.fhir.parser.StrictErrorHandler;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.BiConsumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.ProblemType;
import org.linkway.model.Referral;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.storage.StoredResource;
import org.linkway.validation.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /fhir/R4/$process-message}: a referral sent the BaRS way. The message's envelope is
 * checked ({@link BarsMessage}), its sender held to the token, the referral it carries converted
 * by the binding and received through {@link FhirFacade#create} like every other intake (same
 * checks, same events), and the answer is BaRS's response message. The message id is the
 * idempotency key: the same message sent again is answered as the first time and writes nothing;
 * another message under an id already used is refused as a duplicate.
 */
final class BarsIntake {

    static final String OPERATION = "$process-message";

    private static final String ADDRESSEE = "/referralDetails/entries/0/referralTo/organisation";

    private final FhirFacade facade;
    private final ReferralService referrals;
    private final BiConsumer<Context, String> senderCheck;

    BarsIntake(FhirFacade facade, ReferralService referrals, BiConsumer<Context, String> senderCheck) {
        this.facade = facade;
        this.referrals = referrals;
        this.senderCheck = senderCheck;
    }

    void receive(Context ctx) {
        FhirJson.requireFhirJson(ctx);
        BarsMessage message = BarsMessage.of(parse(ctx.body()));
        senderCheck.accept(ctx, message.senderOds);
        FhirReadResult<Referral> read = facade.binding().fromFhir(message.forReader, Referral.class);
        List<Finding> findings = message.inMessageTerms(read.findings());
        if (!read.isValid() || read.message().isEmpty()) {
            throw new ApiProblem(
                            ProblemType.INVALID_FHIR_REFERRAL,
                            "the message's referral does not convert to a valid Linkway referral; see the issues",
                            findings)
                    .with(BarsOutcomes.ISSUE_CODE, "invalid");
        }
        String scope = ctx.attribute(Idempotency.SCOPE);
        String key = (scope == null ? "-" : scope) + " " + OPERATION + ":" + message.messageId;
        FhirFacade.Created created;
        try {
            created = facade.create(ctx, read, key, linkway -> addressTo(linkway, message));
        } catch (ApiProblem p) {
            if (p.problemType() == ProblemType.IDEMPOTENCY_KEY_REUSED) {
                throw new ApiProblem(
                                ProblemType.DUPLICATE_MESSAGE,
                                "message '" + message.messageId + "' was processed already, with other content; a new "
                                        + "message needs a new id (Bundle.id)")
                        .with(BarsOutcomes.ISSUE_CODE, "duplicate");
            }
            throw p;
        }
        StoredResource stored = referrals.get(created.id());
        ServiceRequest view = (ServiceRequest) facade.serviceRequestOf(created.id());
        String self = ctx.scheme() + "://" + ctx.host() + FhirFacade.BASE + "/" + OPERATION;
        ctx.header("Location", FhirFacade.BASE + "/ServiceRequest/" + created.id());
        if (created.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        FhirJson.respond(
                ctx,
                200,
                BarsOutcomes.acknowledgement(message, created.id(), view, stored.createdAt(), findings, self));
    }

    /** The body as a FHIR Bundle, or a BaRS refusal: nothing, too much, not FHIR JSON, not a Bundle. */
    private static Bundle parse(String body) {
        if (body == null || body.isBlank()) {
            throw BarsOutcomes.malformed("required", "Bundle", "the request has no body; send the message Bundle");
        }
        if (body.length() > FhirBinding.MAX_FHIR_CHARS) {
            throw new ApiProblem(
                            ProblemType.TOO_LARGE,
                            "the message has " + body.length() + " characters; at most " + FhirBinding.MAX_FHIR_CHARS
                                    + " are read")
                    .with(BarsOutcomes.ISSUE_CODE, "too-costly");
        }
        Object parsed;
        try {
            parsed = FhirBinding.fhirContext()
                    .newJsonParser()
                    .setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(body);
        } catch (RuntimeException | StackOverflowError e) {
            String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            throw BarsOutcomes.malformed(
                    "invalid",
                    "Bundle",
                    "the body is not FHIR R4 JSON that can be read: "
                            + (why.length() > 300 ? why.substring(0, 300) : why));
        }
        if (!(parsed instanceof Bundle b)) {
            throw BarsOutcomes.malformed(
                    "structure", "Bundle", "$process-message takes a Bundle, not a " + ((Resource) parsed).fhirType());
        }
        return b;
    }

    /**
     * The link worker service the message is addressed to ({@code MessageHeader.destination}) is
     * the referral's addressee: filled in when the ServiceRequest names none, refused when it names another.
     */
    private static void addressTo(ObjectNode linkway, BarsMessage message) {
        JsonNode entry = linkway.at("/referralDetails/entries/0");
        if (!(entry instanceof ObjectNode e)) {
            return;
        }
        String named = linkway.at(ADDRESSEE + "/code").asString("");
        if (!named.isBlank() && !named.equalsIgnoreCase(message.destinationOds)) {
            throw new ApiProblem(
                            ProblemType.INVALID_FHIR_REFERRAL,
                            "unknown destination: the message is addressed to '" + message.destinationOds
                                    + "' (MessageHeader.destination) but its ServiceRequest to '" + named + "'")
                    .with(BarsOutcomes.ISSUE_CODE, "not-found");
        }
        ObjectNode to = e.get("referralTo") instanceof ObjectNode t ? t : e.putObject("referralTo");
        ObjectNode org = to.get("organisation") instanceof ObjectNode o ? o : to.putObject("organisation");
        org.put("code", message.destinationOds);
        if (!org.has("text") && message.destinationName != null) {
            org.put("text", message.destinationName);
        }
    }
}
