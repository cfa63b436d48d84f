package org.linkway.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sessions with the link worker, under their referral: book one (under an Idempotency-Key, so a
 * retry never books twice), list and read them, reschedule or change a booked one, cancel it (with
 * a reason), and record that the person attended or did not attend once it has started. Every
 * change names the version it was made to and fails with
 * {@link org.linkway.client.error.StaleVersionException} if the appointment changed meanwhile; a
 * move the appointment's state does not allow is an
 * {@link org.linkway.client.error.IllegalTransitionException}.
 *
 * <pre>{@code
 * Appointments appointments = client.appointments();
 * Versioned<Appointment> booked = appointments.book(referralId, request);
 * Versioned<Appointment> moved = appointments.reschedule(booked, Instant.parse("2027-01-15T14:00:00Z"));
 * appointments.recordAttended(moved);
 * }</pre>
 */
public final class Appointments {

    private final Calls calls;

    Appointments(Calls calls) {
        this.calls = calls;
    }

    /** Books a session under the referral {@code referralId}, with a fresh Idempotency-Key. */
    public Versioned<Appointment> book(String referralId, AppointmentRequest request) {
        return Transport.join(bookAsync(referralId, request, null));
    }

    /** As {@link #book(String, AppointmentRequest)} under your own key: sent again, it answers the first booking. */
    public Versioned<Appointment> book(String referralId, AppointmentRequest request, String idempotencyKey) {
        return Transport.join(bookAsync(referralId, request, idempotencyKey));
    }

    public CompletableFuture<Versioned<Appointment>> bookAsync(
            String referralId, AppointmentRequest request, String idempotencyKey) {
        InvalidArgumentException.require(request, "request");
        return send(ApiRequest.create(path(referralId), request.body(), Calls.key(idempotencyKey)));
    }

    public Versioned<Appointment> get(String referralId, String appointmentId) {
        return Transport.join(getAsync(referralId, appointmentId));
    }

    public CompletableFuture<Versioned<Appointment>> getAsync(String referralId, String appointmentId) {
        return send(ApiRequest.get(path(referralId, appointmentId)));
    }

    /** The referral's appointments, in order of last change, a page at a time as iteration reaches them. */
    public PagedIterable<Appointment> list(String referralId) {
        String path = path(referralId);
        return new PagedIterable<>(cursor -> listPageAsync(path, cursor));
    }

    private CompletableFuture<Page<Appointment>> listPageAsync(String path, String cursor) {
        String url = cursor == null ? path : path + "?cursor=" + Codec.query(cursor);
        return calls.send(ApiRequest.get(url)).thenApply(r -> {
            JsonNode doc = Codec.tree(r);
            List<Appointment> items = new ArrayList<>();
            for (JsonNode item : doc.path("items")) {
                items.add(Answers.read(item, r, Appointment::from, "appointment"));
            }
            JsonNode next = doc.path("nextCursor");
            return new Page<>(items, next.isString() ? next.asString() : null, r.requestId());
        });
    }

    /** Changes the booked appointment as last read; new times are a reschedule. */
    public Versioned<Appointment> change(Versioned<Appointment> current, AppointmentChange change) {
        return Transport.join(changeAsync(current, change));
    }

    public CompletableFuture<Versioned<Appointment>> changeAsync(
            Versioned<Appointment> current, AppointmentChange change) {
        InvalidArgumentException.require(current, "current");
        InvalidArgumentException.require(change, "change");
        ApiRequest request = ApiRequest.change("PATCH", path(current.value()), change.body())
                .withHeader("If-Match", Versioned.requireEtag(current.etag()));
        return send(request);
    }

    /** Moves the appointment as last read to a new start, keeping its length. */
    public Versioned<Appointment> reschedule(Versioned<Appointment> current, Instant newStart) {
        return change(current, AppointmentChange.builder().start(newStart).build());
    }

    /** Moves the appointment as last read to new times. */
    public Versioned<Appointment> reschedule(Versioned<Appointment> current, Instant newStart, Instant newEnd) {
        return change(
                current, AppointmentChange.builder().start(newStart).end(newEnd).build());
    }

    /** Cancels the booked appointment; {@code reason} is required (at most 500 characters). */
    public Versioned<Appointment> cancel(Versioned<Appointment> current, String reason) {
        InvalidArgumentException.require(reason, "reason");
        return Transport.join(transitionAsync(current, Appointment.Status.CANCELLED, reason));
    }

    /** Records that the person came; only once the appointment's start has passed. */
    public Versioned<Appointment> recordAttended(Versioned<Appointment> current) {
        return Transport.join(transitionAsync(current, Appointment.Status.ATTENDED, null));
    }

    /** Records that the person did not attend (DNA), with an optional reason, once its start has passed. */
    public Versioned<Appointment> recordDidNotAttend(Versioned<Appointment> current, String reason) {
        return Transport.join(transitionAsync(current, Appointment.Status.DID_NOT_ATTEND, reason));
    }

    /** Moves the appointment as last read to {@code to} (any state but booked), with an optional reason. */
    public CompletableFuture<Versioned<Appointment>> transitionAsync(
            Versioned<Appointment> current, Appointment.Status to, String reason) {
        InvalidArgumentException.require(current, "current");
        InvalidArgumentException.require(to, "to");
        if (to == Appointment.Status.BOOKED) {
            throw new InvalidArgumentException("to", "must be a final state (cancelled, attended, did-not-attend)");
        }
        ObjectNode body = Codec.mapper().createObjectNode();
        body.put("to", to.value());
        if (reason != null) {
            body.put("reason", reason);
        }
        ApiRequest request = ApiRequest.change("POST", path(current.value()) + "/transitions", Codec.write(body))
                .withHeader("If-Match", Versioned.requireEtag(current.etag()));
        return send(request);
    }

    private CompletableFuture<Versioned<Appointment>> send(ApiRequest request) {
        return calls.send(request)
                .thenApply(r -> Calls.versioned(r, Answers.read(r, Appointment::from, "appointment")));
    }

    private static String path(String referralId) {
        return Referrals.path(referralId) + "/appointments";
    }

    private static String path(String referralId, String appointmentId) {
        return path(referralId) + "/" + Codec.segment(appointmentId, "appointmentId");
    }

    private static String path(Appointment a) {
        return path(a.referralId(), a.id());
    }
}
