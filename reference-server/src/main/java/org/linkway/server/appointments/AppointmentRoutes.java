package org.linkway.server.appointments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.linkway.model.ProblemType;
import org.linkway.server.http.Answer;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Json;
import org.linkway.server.http.Paging;
import org.linkway.server.http.Preconditions;
import org.linkway.server.referral.OpenReferral;
import org.linkway.server.security.Caller;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.NewResource;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.server.storage.VersionConflictException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sessions with the link worker, under their referral: book ({@code POST}), read, change or
 * reschedule ({@code PATCH} with {@code If-Match}), cancel or record the outcome
 * ({@code POST .../transitions} with {@code If-Match}). Each change stores a new version of the
 * appointment, its slot (what reminders and calendar feeds query) and its event in one
 * transaction. Who may call these is the referral's rule ({@code /v1/referrals/{id}/**}: the link
 * worker service the referral is addressed to).
 */
public final class AppointmentRoutes {

    static final String TYPE = "Appointment";
    private static final String PATH = "/v1/referrals/{id}/appointments";
    private static final int MAX_REASON = 500;

    private final Store store;
    private final Clock clock;
    private final Idempotency idempotency;

    public AppointmentRoutes(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.idempotency = new Idempotency(store);
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::book);
        routes.get(PATH, this::list);
        routes.get(PATH + "/{appointmentId}", this::get);
        routes.patch(PATH + "/{appointmentId}", this::change);
        routes.post(PATH + "/{appointmentId}/transitions", this::transition);
    }

    private void book(Context ctx) {
        Json.requireJson(ctx);
        String referralId = ctx.pathParam("id");
        String subject = Caller.of(ctx).map(Caller::subject).orElse("unknown");
        idempotency.create(ctx, () -> {
            AppointmentRequest.Valid v = AppointmentRequest.booking(Json.objectBody(ctx), subject);
            String id = UUID.randomUUID().toString();
            return tx -> {
                StoredResource referral = OpenReferral.forNewRecord(tx, referralId, TYPE);
                ObjectNode doc = Json.MAPPER.createObjectNode();
                doc.put("id", id);
                doc.put("referralId", referralId);
                doc.put("status", AppointmentState.BOOKED.code());
                v.writeInto(doc);
                doc.put("sequence", 0);
                doc.put("bookedBy", subject);
                StoredResource r = tx.create(NewResource.of(TYPE, id)
                        .inReferral(referral.id())
                        .status(AppointmentState.BOOKED.code())
                        .body(Json.write(doc)));
                AppointmentSlots.in(tx).save(slot(r, doc, organisation(referral)));
                event(tx, "appointment.booked", r, doc, null);
                return answer(201, r);
            };
        });
    }

    private void list(Context ctx) {
        String referralId = ctx.pathParam("id");
        int limit = Paging.limit(ctx);
        Page<StoredResource> page = Paging.read(() -> store.read(tx -> {
            if (tx.get("Referral", referralId).isEmpty()) {
                throw ApiProblem.notFound("referral", referralId);
            }
            return tx.list(ListQuery.of(TYPE)
                    .inReferral(referralId)
                    .after(Paging.cursor(ctx))
                    .limit(limit));
        }));
        Json.respond(ctx, 200, Json.page(page));
    }

    private void get(Context ctx) {
        StoredResource r = store.read(tx -> find(tx, ctx));
        ctx.header("ETag", Preconditions.etag(r.version()));
        Json.respond(ctx, 200, r.body());
    }

    /** A change: new times (a reschedule: the calendar's SEQUENCE goes up), method, place, link worker or notes. */
    private void change(Context ctx) {
        JsonNode patch = Json.objectBody(ctx);
        long expected = Preconditions.ifMatch(ctx, "appointment");
        write(ctx, expected, tx -> {
            StoredResource current = find(tx, ctx);
            checkVersion(current, expected);
            AppointmentState state = AppointmentState.fromCode(current.status()).orElseThrow();
            state.refuseReschedule().ifPresent(why -> {
                throw new ApiProblem(ProblemType.ILLEGAL_TRANSITION, why).with("currentState", state.code());
            });
            StoredResource referral = OpenReferral.forNewRecord(tx, current.referralId(), TYPE);
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(current.body());
            AppointmentRequest.Valid v = AppointmentRequest.change(patch, doc);
            String before = doc.path("start").asString() + "/" + doc.path("end").asString();
            v.writeInto(doc);
            boolean moved = !before.equals(
                    doc.path("start").asString() + "/" + doc.path("end").asString());
            if (moved) {
                doc.put("sequence", doc.path("sequence").asInt() + 1);
            }
            StoredResource next = tx.update(current.ref(), state.code(), Json.write(doc));
            AppointmentSlots.in(tx).save(slot(next, doc, organisation(referral)));
            event(tx, moved ? "appointment.rescheduled" : "appointment.updated", next, doc, null);
            return answer(200, next);
        });
    }

    /** Cancel (with a reason), or record attended or did not attend once the start has passed. */
    private void transition(Context ctx) {
        JsonNode body = Json.objectBody(ctx);
        long expected = Preconditions.ifMatch(ctx, "appointment");
        String to = body.path("to").asString(null);
        AppointmentState target = AppointmentState.fromCode(to)
                .filter(s -> s != AppointmentState.BOOKED)
                .orElseThrow(() -> AppointmentRequest.invalid(java.util.List.of(AppointmentRequest.finding(
                        "LW-APPOINTMENT-TRANSITION", "/to", "'to' must be one of " + AppointmentState.TARGETS))));
        JsonNode reasonNode = body.path("reason");
        String reason = reasonNode.isString() && !reasonNode.asString().isBlank()
                ? reasonNode.asString().strip()
                : null;
        if ((!reasonNode.isMissingNode() && !reasonNode.isNull() && !reasonNode.isString())
                || (reason != null && reason.length() > MAX_REASON)) {
            throw AppointmentRequest.invalid(java.util.List.of(AppointmentRequest.finding(
                    "LW-APPOINTMENT-REASON",
                    "/reason",
                    "'reason' must be text of at most " + MAX_REASON + " characters")));
        }
        if (target == AppointmentState.CANCELLED && reason == null) {
            throw new ApiProblem(
                    ProblemType.REASON_REQUIRED,
                    "cancelling an appointment needs a 'reason' (e.g. the person asked to)");
        }
        body.propertyNames().forEach(name -> {
            if (!name.equals("to") && !name.equals("reason")) {
                throw AppointmentRequest.invalid(java.util.List.of(AppointmentRequest.finding(
                        "LW-APPOINTMENT-UNKNOWN-MEMBER", "/" + name, "a transition has 'to' and 'reason' only")));
            }
        });
        String subject = Caller.of(ctx).map(Caller::subject).orElse("unknown");
        write(ctx, expected, tx -> {
            StoredResource current = find(tx, ctx);
            checkVersion(current, expected);
            AppointmentState from = AppointmentState.fromCode(current.status()).orElseThrow();
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(current.body());
            Instant start = Instant.parse(doc.path("start").asString());
            Instant now = clock.instant();
            from.refuseMove(target, start, now).ifPresent(why -> {
                throw new ApiProblem(
                                ProblemType.ILLEGAL_TRANSITION, "cannot move the appointment to '" + to + "': " + why)
                        .with("currentState", from.code())
                        .with("allowed", from.allowed(start, now));
            });
            doc.put("status", target.code());
            ObjectNode detail = doc.putObject(target == AppointmentState.CANCELLED ? "cancellation" : "outcome");
            detail.put("at", now.toString());
            detail.put("by", subject);
            if (reason != null) {
                detail.put("reason", reason);
            }
            if (target == AppointmentState.CANCELLED) {
                doc.put("sequence", doc.path("sequence").asInt() + 1); // calendars take the cancellation as news
            }
            StoredResource next = tx.update(current.ref(), target.code(), Json.write(doc));
            StoredResource referral = tx.get("Referral", current.referralId()).orElseThrow();
            AppointmentSlots.in(tx).save(slot(next, doc, organisation(referral)));
            event(tx, "appointment." + target.code(), next, doc, reason);
            return answer(200, next);
        });
    }

    private void write(Context ctx, long expected, Store.TxWork<Answer> work) {
        try {
            store.transaction(work).send(ctx);
        } catch (VersionConflictException e) {
            throw Preconditions.stale("appointment", expected, e.currentVersion());
        }
    }

    private static void checkVersion(StoredResource current, long expected) {
        if (current.version() != expected) {
            throw Preconditions.stale("appointment", expected, current.version());
        }
    }

    private static StoredResource find(Tx tx, Context ctx) {
        String referralId = ctx.pathParam("id");
        String id = ctx.pathParam("appointmentId");
        return tx.get(TYPE, id)
                .filter(found -> referralId.equals(found.referralId()))
                .orElseThrow(() -> ApiProblem.notFound("appointment", id));
    }

    static String organisation(StoredResource referral) {
        String org = Json.MAPPER
                .readTree(referral.body())
                .at("/referralDetails/entries/0/referralTo/organisation/code")
                .asString("");
        return org.isBlank() ? "-" : org;
    }

    private static AppointmentSlots.Slot slot(StoredResource r, JsonNode doc, String organisation) {
        return new AppointmentSlots.Slot(
                r.id(),
                r.referralId(),
                organisation,
                doc.path("linkWorker").asString(),
                Instant.parse(doc.path("start").asString()),
                r.status(),
                doc.path("sequence").asInt());
    }

    /** The event: enough to act on without reading (status, times, sequence), nothing about the person. */
    private static void event(Tx tx, String type, StoredResource r, JsonNode doc, String reason) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("status", r.status());
        data.put("start", doc.path("start").asString());
        data.put("end", doc.path("end").asString());
        data.put("sequence", doc.path("sequence").asInt());
        if (reason != null) {
            data.put("reason", reason);
        }
        tx.appendEvent(
                NewEvent.named(type).about(r.ref()).inReferral(r.referralId()).payload(Json.write(data)));
    }

    private static Answer answer(int status, StoredResource r) {
        return new Answer(
                status,
                r.body(),
                "/v1/referrals/" + r.referralId() + "/appointments/" + r.id(),
                Preconditions.etag(r.version()),
                false,
                r.ref());
    }
}
