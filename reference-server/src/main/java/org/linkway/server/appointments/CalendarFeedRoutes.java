package org.linkway.server.appointments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.http.RequestIds;
import org.linkway.server.security.AuditLog;
import org.linkway.server.security.Audited;
import org.linkway.server.security.Caller;
import org.linkway.server.security.Role;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker's appointments as a calendar a calendar program subscribes to. Calendar programs
 * cannot send an {@code Authorization} header, so the feed URL carries its own credential: a
 * link worker creates a feed with an authenticated call ({@code POST /v1/calendar-feeds}) and is
 * shown its URL once, with 256 random bits in it; the server keeps only the secret's SHA-256.
 * The URL reads that link worker's appointments and nothing else, and the link worker revokes it
 * with {@code DELETE /v1/calendar-feeds/{id}}. The trade-offs are in docs/CALENDAR-FEED.md.
 */
public final class CalendarFeedRoutes {

    public static final String FEED_PATH = "/v1/appointments.ics";
    static final String CALENDAR_TYPE = "text/calendar; charset=utf-8";
    /** How far back the feed reaches: recent sessions stay visible, old ones drop off. */
    private static final Duration HISTORY = Duration.ofDays(90);

    private static final int MAX_EVENTS = 1000;
    private static final int MAX_FEEDS = 10;

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeedRoutes(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.audit = new AuditLog(store, clock);
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/calendar-feeds", this::create);
        routes.get("/v1/calendar-feeds", this::list);
        routes.delete("/v1/calendar-feeds/{feedId}", this::revoke);
        routes.get(FEED_PATH, this::feed);
    }

    private void create(Context ctx) {
        Caller caller = caller(ctx);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.transaction(tx -> {
            AppointmentSlots slots = AppointmentSlots.in(tx);
            if (slots.feedsOf(caller.organisation(), caller.subject()).size() >= MAX_FEEDS) {
                throw new ApiProblem(
                        ProblemType.INVALID_APPOINTMENT,
                        "a link worker has at most " + MAX_FEEDS + " calendar feeds; revoke one first");
            }
            slots.createFeed(id, hash(secret), caller.organisation(), caller.subject(), now);
            return null;
        });
        String path = FEED_PATH + "?token=" + secret;
        ObjectNode out = describe(new AppointmentSlots.Feed(id, caller.organisation(), caller.subject(), now));
        out.put("url", ctx.scheme() + "://" + ctx.host() + path);
        out.put("path", path);
        ctx.header("Location", "/v1/calendar-feeds/" + id);
        Json.respond(ctx, 201, out);
    }

    private void list(Context ctx) {
        Caller caller = caller(ctx);
        List<AppointmentSlots.Feed> feeds =
                store.read(tx -> AppointmentSlots.in(tx).feedsOf(caller.organisation(), caller.subject()));
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        feeds.forEach(f -> items.add(describe(f)));
        Json.respond(ctx, 200, out);
    }

    private void revoke(Context ctx) {
        Caller caller = caller(ctx);
        String id = ctx.pathParam("feedId");
        boolean revoked = store.transaction(
                tx -> AppointmentSlots.in(tx).revoke(id, caller.organisation(), caller.subject(), clock.instant()));
        if (!revoked) {
            throw ApiProblem.notFound("calendar feed", id);
        }
        ctx.status(204);
    }

    /** The calendar: authenticated by the feed's secret alone (the access policy lets it through without a bearer token). */
    private void feed(Context ctx) {
        String token = ctx.queryParam("token");
        Optional<AppointmentSlots.Feed> found = token == null || token.length() > 100
                ? Optional.empty()
                : store.read(tx -> AppointmentSlots.in(tx).feedBySecret(hash(token)));
        if (found.isEmpty()) {
            // nothing to tell apart a wrong secret from a revoked one
            throw new ApiProblem(ProblemType.NOT_FOUND, "no calendar feed has this URL (it may have been revoked)");
        }
        AppointmentSlots.Feed feed = found.get();
        Instant from = clock.instant().minus(HISTORY);
        List<CalendarWriter.Entry> entries = store.read(tx -> {
            List<CalendarWriter.Entry> out = new ArrayList<>();
            for (AppointmentSlots.Slot s :
                    AppointmentSlots.in(tx).forLinkWorker(feed.organisation(), feed.linkWorker(), from, MAX_EVENTS)) {
                Optional<StoredResource> a = tx.get(AppointmentRoutes.TYPE, s.appointmentId());
                Optional<StoredResource> r = tx.get("Referral", s.referralId());
                if (a.isEmpty() || r.isEmpty()) {
                    continue;
                }
                JsonNode referral = Json.MAPPER.readTree(r.get().body());
                out.add(new CalendarWriter.Entry(
                        Json.MAPPER.readTree(a.get().body()),
                        CalendarWriter.initials(referral),
                        a.get().updatedAt()));
            }
            return out;
        });
        String body = CalendarWriter.write(entries);
        audit.record(Audited.request(RequestIds.of(ctx))
                .by(new Caller(feed.linkWorker(), feed.organisation(), Role.LINK_WORKER))
                .action("GET " + FEED_PATH)
                .on("CalendarFeed/" + feed.id())
                .outcome("200 allowed by the feed's secret; " + entries.size() + " appointment(s)"));
        ctx.status(200).contentType(CALENDAR_TYPE).result(body);
    }

    private static ObjectNode describe(AppointmentSlots.Feed f) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("linkWorker", f.linkWorker());
        o.put("organisation", f.organisation());
        o.put("createdAt", f.createdAt().toString());
        return o;
    }

    private static Caller caller(Context ctx) {
        return Caller.of(ctx)
                .orElseThrow(
                        () -> new IllegalStateException("a calendar feed route ran without an authenticated caller"));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
