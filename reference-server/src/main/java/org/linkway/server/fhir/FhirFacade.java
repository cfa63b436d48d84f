package org.linkway.server.fhir;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.MessageBack;
import org.linkway.model.ProblemType;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.RequestIds;
import org.linkway.server.messageback.MessageBackRoutes;
import org.linkway.server.referral.ReferralRoutes;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.storage.StoredResource;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /fhir/R4}: the same referrals and messages back, seen through the FHIR binding. A GP
 * system posts the referral Bundle it already makes; a shared-record or Gravity-style client
 * reads the ServiceRequest and polls its Task; the GP system files the message back as a
 * document. Every resource here is computed from the stored Linkway record, so the JSON API and
 * this facade can never disagree. ServiceRequest, Task and Composition take the referral's id.
 */
public final class FhirFacade {

    public static final String BASE = "/fhir/R4";

    private final ReferralService referrals;
    private final MessageValidator validator;
    private final BiConsumer<Context, byte[]> intakeCheck;
    private final BiConsumer<Context, String> senderCheck;
    private volatile FhirBinding binding;

    /** Cheap: HAPI's model is loaded on the first FHIR request, not at start-up. */
    public FhirFacade(ReferralService referrals, MessageValidator validator) {
        this(referrals, validator, (ctx, referral) -> {}, (ctx, sender) -> {});
    }

    /**
     * @param intakeCheck given each converted referral before it is received: refuses (throws)
     *                    a referral the caller may not send, as {@code POST /v1/referrals} would
     * @param senderCheck given the ODS code a FHIR message names as its sender: refuses (throws) one
     *                    that is not the caller's organisation
     */
    public FhirFacade(
            ReferralService referrals,
            MessageValidator validator,
            BiConsumer<Context, byte[]> intakeCheck,
            BiConsumer<Context, String> senderCheck) {
        this.referrals = referrals;
        this.validator = validator;
        this.intakeCheck = intakeCheck;
        this.senderCheck = senderCheck;
    }

    FhirBinding binding() {
        FhirBinding b = binding;
        if (b == null) {
            b = FhirBinding.withValidator(validator);
            binding = b;
        }
        return b;
    }

    /** Refusals under {@code /fhir/R4} as OperationOutcome, the form FHIR clients read. */
    public static void renderProblem(Context ctx, ApiProblem problem) {
        OperationOutcome out = OperationOutcomes.of(problem, RequestIds.of(ctx));
        if (ctx.path().equals(BASE + "/" + BarsIntake.OPERATION)) {
            BarsOutcomes.refusal(out, problem);
        }
        FhirJson.respond(ctx, problem.status(), out);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/metadata", ctx -> FhirJson.respond(ctx, 200, CapabilityStatements.linkway()));
        routes.post(BASE + "/Bundle", this::receive);
        routes.post(BASE + "/" + BarsIntake.OPERATION, new BarsIntake(this, referrals, senderCheck)::receive);
        routes.get(
                BASE + "/ServiceRequest/{id}",
                ctx -> FhirJson.respond(ctx, 200, fromReferral(ctx.pathParam("id"), "ServiceRequest")));
        routes.get(BASE + "/Task/{id}", ctx -> FhirJson.respond(ctx, 200, fromReferral(ctx.pathParam("id"), "Task")));
        routes.get(BASE + "/Task", this::searchTasks);
        // the message back in the view Security decided for the caller (a recipient whose sharing was refused gets the
        // withheld one)
        routes.get(
                BASE + "/Composition/{id}",
                ctx -> FhirJson.respond(
                        ctx,
                        200,
                        messageBackDocument(
                                        ctx.pathParam("id"),
                                        MessageBackRoutes.seen(ctx, referrals, ctx.pathParam("id"))
                                                .json())
                                .getEntryFirstRep()
                                .getResource()));
        routes.get(
                BASE + "/Bundle/{id}",
                ctx -> FhirJson.respond(
                        ctx,
                        200,
                        messageBackDocument(
                                ctx.pathParam("id"),
                                MessageBackRoutes.seen(ctx, referrals, ctx.pathParam("id"))
                                        .json())));
    }

    /** A referral Bundle (transaction or message) in: converted, then received exactly as the JSON API receives one. */
    void receive(Context ctx) {
        FhirJson.requireFhirJson(ctx);
        FhirReadResult<Referral> read = binding().fromFhir(ctx.body(), Referral.class);
        Created created = create(ctx, read, Idempotency.key(ctx), linkway -> {});
        ctx.header("Location", BASE + "/ServiceRequest/" + created.id());
        if (created.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        List<Finding> notes = read.findings();
        FhirJson.respond(ctx, 201, OperationOutcomes.received(created.id(), notes));
    }

    /** What {@link #create} made: the referral's id, and whether an earlier answer for the same key was replayed. */
    record Created(String id, boolean replayed) {}

    /**
     * A converted referral in: refused with its findings unless it converted cleanly, then checked
     * against the caller ({@code intakeCheck}) and received by {@link ReferralService} with its
     * events, exactly as {@code POST /v1/referrals} receives one. Every FHIR intake goes through here.
     *
     * @param key    idempotency key (already scoped to the caller), or null
     * @param adjust last changes to the Linkway referral before it is checked (e.g. the addressee a BaRS message names)
     */
    Created create(Context ctx, FhirReadResult<Referral> read, String key, Consumer<ObjectNode> adjust) {
        if (!read.isValid() || read.message().isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_FHIR_REFERRAL,
                    "the Bundle does not convert to a valid referral; see the issues",
                    read.findings());
        }
        ObjectNode linkway = LinkwayJson.mapper().valueToTree(read.message().get());
        // the sending system's own ids and states are its business: this server assigns ours
        linkway.remove(List.of("id", "status"));
        adjust.accept(linkway);
        byte[] converted = LinkwayJson.mapper().writeValueAsBytes(linkway);
        intakeCheck.accept(ctx, converted);
        ReferralService.Received received = referrals.receive(converted, key);
        ReferralRoutes.reportDuplicates(ctx, received);
        var answer = received.answer();
        String id = LinkwayJson.mapper().readTree(answer.body()).path("id").asString();
        return new Created(id, answer.replayed());
    }

    void searchTasks(Context ctx) {
        String focus = ctx.queryParam("focus");
        if (focus == null || focus.isBlank()) {
            throw new ApiProblem(
                    ProblemType.BAD_PARAMETER, "search Task by focus, e.g. Task?focus=ServiceRequest/<id>");
        }
        String id = focus.startsWith("ServiceRequest/") ? focus.substring("ServiceRequest/".length()) : focus;
        Bundle result = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        Optional<Resource> task = tryFromReferral(id, "Task");
        task.ifPresent(t -> result.addEntry()
                .setFullUrl(BASE + "/Task/" + id)
                .setResource(t)
                .getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH));
        result.setTotal(result.getEntry().size());
        FhirJson.respond(ctx, 200, result);
    }

    /** The referral's ServiceRequest as {@code GET ServiceRequest/{id}} shows it. */
    Resource serviceRequestOf(String id) {
        return fromReferral(id, "ServiceRequest");
    }

    private Resource fromReferral(String id, String resourceType) {
        return tryFromReferral(id, resourceType).orElseThrow(() -> ApiProblem.notFound(resourceType, id));
    }

    /** The resource of the referral's transaction Bundle, named by the referral's id, with its references to it resolved. */
    private Optional<Resource> tryFromReferral(String id, String resourceType) {
        StoredResource stored;
        try {
            stored = referrals.get(id);
        } catch (ApiProblem notFound) {
            return Optional.empty();
        }
        Referral referral = LinkwayJson.mapper().readValue(stored.body(), Referral.class);
        Bundle bundle = binding().toFhir(referral, BundleForm.TRANSACTION);
        String serviceRequestUrl = null;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource().fhirType().equals("ServiceRequest")) {
                serviceRequestUrl = e.getFullUrl();
            }
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r.fhirType().equals(resourceType)) {
                r.setIdElement(new IdType(resourceType, id, Long.toString(stored.version())));
                r.getMeta().setVersionId(Long.toString(stored.version())).setLastUpdated(Date.from(stored.updatedAt()));
                if (r instanceof Task task
                        && task.getFocus().getReference() != null
                        && task.getFocus().getReference().equals(serviceRequestUrl)) {
                    task.setFocus(new Reference("ServiceRequest/" + id));
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private Bundle messageBackDocument(String id, String messageBackJson) {
        Bundle document = binding().toFhir(LinkwayJson.mapper().readValue(messageBackJson, MessageBack.class));
        document.setId(id);
        Resource composition = document.getEntryFirstRep().getResource();
        composition.setId(id);
        return document;
    }

    /** A message back (JSON, in the caller's view) as a FHIR document Bundle, for {@code GET /v1/referrals/{id}/message-back} asked for FHIR. */
    public String messageBackJson(String messageBackJson) {
        String id = LinkwayJson.mapper()
                .readTree(messageBackJson)
                .path("referralId")
                .asString();
        return FhirJson.encode(messageBackDocument(id, messageBackJson));
    }
}
