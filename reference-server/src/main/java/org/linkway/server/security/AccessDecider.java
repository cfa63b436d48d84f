package org.linkway.server.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.linkway.model.ProblemType;
import org.linkway.server.consent.ConsentLedger;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.consent.PartyIdentity;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Decides, from the stored documents, whether a caller may touch the referral or onward referral
 * a request names, and shapes what it may see. A resource the caller may not see answers 404,
 * exactly as a resource that does not exist, so ids cannot be probed; a resource it may see but
 * a route its role may not use answers 403.
 */
final class AccessDecider {

    /** What the decision was about and why, for the audit trail. */
    record Access(
            String resource,
            String note,
            boolean filterList,
            boolean providerView,
            boolean emptySearch,
            ListScope listScope,
            MessageBackView view) {
        Access(
                String resource,
                String note,
                boolean filterList,
                boolean providerView,
                boolean emptySearch,
                ListScope listScope) {
            this(resource, note, filterList, providerView, emptySearch, listScope, null);
        }

        Access(String resource, String note) {
            this(resource, note, false, false, false, null);
        }

        static Access plain(String resource) {
            return new Access(resource, "allowed");
        }
    }

    /** Refused: the problem to answer and what to write in the audit trail. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiProblem problem;
        final String resource;
        final String note;

        Refusal(ApiProblem problem, String resource, String note) {
            super(note, null, false, false);
            this.problem = problem;
            this.resource = resource;
            this.note = note;
        }
    }

    private final Store store;
    private final Clock clock;
    private final OrganisationDirectory directory;

    AccessDecider(Store store, Clock clock, OrganisationDirectory directory) {
        this.store = store;
        this.clock = clock;
        this.directory = directory;
    }

    Access decide(
            Caller caller,
            AccessPolicy.Rule rule,
            String method,
            String path,
            Map<String, String> params,
            Supplier<byte[]> body) {
        return switch (rule.scope()) {
            case PUBLIC -> Access.plain("-");
            case ROLE_ONLY -> {
                requireRole(caller, rule, "-");
                yield Access.plain("-");
            }
            case FILTERED_COLLECTION -> {
                requireRole(caller, rule, "-");
                // the database filters referral lists by organisation (full pages, right cursors); the
                // answer is still filtered afterwards, so a route that ignores the scope cannot leak
                ListScope scope = switch (caller.role()) {
                    case REFERRER -> ListScope.referrer(caller.organisation());
                    case LINK_WORKER -> ListScope.addressee(caller.organisation());
                    // every identifier the organisation directory knows the provider by; its referrals' own joins
                    // are followed by the query (see PartyIdentity)
                    case PROVIDER ->
                        ListScope.provider(
                                store.read(tx -> PartyIdentity.of(tx, null, List.of(caller.organisation()), directory))
                                        .identifiers());
                    default -> null;
                };
                yield new Access(
                        "-",
                        caller.is(Role.ADMIN) ? "allowed" : "allowed, filtered to the caller's records",
                        !caller.is(Role.ADMIN),
                        false,
                        false,
                        scope);
            }
            case FHIR_INTAKE -> {
                // the organisation is checked once the Bundle is converted (Security.checkConvertedReferral)
                requireRole(caller, rule, "-");
                yield Access.plain("Referral/new");
            }
            case TASK_SEARCH -> taskSearch(caller, rule, params.get("focus"));
            case REFERRAL_INTAKE -> {
                requireRole(caller, rule, "-");
                if (!caller.is(Role.ADMIN)) {
                    intake(caller, body.get());
                }
                yield Access.plain("Referral/new");
            }
            case MESSAGE_BACK -> messageBack(caller, rule, params.get("id"));
            case MESSAGE_BACK_LIST -> {
                requireRole(caller, rule, "-");
                // the database query keeps the caller's own (full pages, right cursors); the answer is
                // still filtered and cut to each item's view afterwards
                ListScope scope = switch (caller.role()) {
                    case REFERRER -> ListScope.recipient(caller.organisation());
                    case LINK_WORKER -> ListScope.addressee(caller.organisation());
                    default -> null;
                };
                yield new Access(
                        "-",
                        caller.is(Role.ADMIN)
                                ? "allowed"
                                : "allowed, filtered to the message backs addressed to the caller",
                        !caller.is(Role.ADMIN),
                        false,
                        false,
                        scope);
            }
            case REFERRAL -> referral(caller, rule, method, path, params.get("id"), body);
            case ONWARD_REFERRAL -> onward(caller, params.get("id"));
        };
    }

    private static void requireRole(Caller caller, AccessPolicy.Rule rule, String resource) {
        if (!rule.roles().contains(caller.role())) {
            throw new Refusal(
                    new ApiProblem(
                            ProblemType.FORBIDDEN,
                            "the " + caller.role().claim() + " role may not use "
                                    + (rule == AccessPolicy.FALLBACK ? "this endpoint" : rule.pattern())),
                    resource,
                    "denied: role");
        }
    }

    static void intake(Caller caller, byte[] body) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return; // the route refuses it as malformed; nothing is stored
        }
        if (doc == null || !doc.isObject() || caller.is(Role.ADMIN)) {
            return;
        }
        String own = caller.is(Role.REFERRER) ? Documents.referrerOrg(doc) : Documents.addresseeOrg(doc);
        if (!caller.organisation().equals(own)) {
            String pointer = caller.is(Role.REFERRER) ? Documents.REFERRER_ORG : Documents.ADDRESSEE_ORG;
            throw new Refusal(
                    new ApiProblem(
                            ProblemType.FORBIDDEN,
                            "a " + caller.role().claim() + " records referrals as its own organisation: " + pointer
                                    + " must be '" + caller.organisation() + "'"),
                    "Referral/new",
                    "denied: not the caller's organisation");
        }
    }

    private Access referral(
            Caller caller, AccessPolicy.Rule rule, String method, String path, String id, Supplier<byte[]> body) {
        String resource = "Referral/" + id;
        Optional<StoredResource> found = store.transaction(tx -> tx.get("Referral", id));
        if (found.isEmpty() || !canSee(caller, Json.MAPPER.readTree(found.get().body()))) {
            throw hidden("referral", id, resource, found.isEmpty() ? "404 none" : "hidden: not the caller's referral");
        }
        requireRole(caller, rule, resource);
        if (caller.is(Role.REFERRER) && path.endsWith("/transitions") && !"cancelled".equals(target(body.get()))) {
            throw new Refusal(
                    new ApiProblem(
                            ProblemType.FORBIDDEN,
                            "a referrer may only cancel its referral "
                                    + "(to: cancelled); the link worker service moves it on"),
                    resource,
                    "denied: referrer transition");
        }
        if (caller.is(Role.REFERRER) && path.endsWith("/events")) {
            return new Access(
                    resource, "allowed", true, false, false, null); // message back events in the view consent allows
        }
        return Access.plain(resource);
    }

    /**
     * A message back: whoever may see the referral sees it whole (the referrer in the view its
     * consent allows); the registered GP practice sees it once issued, in the view consent
     * allows. Anyone else, and the GP practice before it is issued, gets 404 as for a referral
     * it may not see.
     */
    private Access messageBack(Caller caller, AccessPolicy.Rule rule, String id) {
        String resource = "MessageBack/" + id;
        record Found(JsonNode referral, boolean issued, Set<String> parties, MessageBackView view) {}
        Optional<Found> found = store.transaction(tx -> tx.get("Referral", id).map(r -> {
            JsonNode referral = Json.MAPPER.readTree(r.body());
            Set<String> parties = MessageBackRecipients.partiesOf(caller, referral);
            boolean issued = tx.get("MessageBack", id).isPresent();
            MessageBackView view = parties.isEmpty() || !issued
                    ? MessageBackView.FULL
                    : MessageBackRecipients.view(tx, id, parties, clock.instant());
            return new Found(referral, issued, parties, view);
        }));
        if (found.isEmpty()) {
            throw hidden("referral", id, resource, "404 none");
        }
        Found f = found.get();
        if (!canSee(caller, f.referral()) && (f.parties().isEmpty() || !f.issued())) {
            throw hidden(
                    "referral",
                    id,
                    resource,
                    f.parties().isEmpty()
                            ? "hidden: not a recipient of the message back"
                            : "hidden: no message back issued yet to the registered GP practice");
        }
        requireRole(caller, rule, resource);
        String as = String.join(" and ", f.parties());
        String note = f.view().full()
                ? (as.isEmpty() ? "allowed" : "allowed as " + as)
                : "allowed as " + as + ", details withheld: " + f.view().reason();
        return new Access(resource, note, false, false, false, null, f.view());
    }

    private Access onward(Caller caller, String id) {
        String resource = "OnwardReferral/" + id;
        record Found(JsonNode onward, JsonNode referral) {}
        Optional<Found> found =
                store.transaction(tx -> tx.get("OnwardReferral", id).map(o -> {
                    JsonNode onward = Json.MAPPER.readTree(o.body());
                    JsonNode referral = tx.get("Referral", o.referralId())
                            .map(r -> Json.MAPPER.readTree(r.body()))
                            .orElse(null);
                    return new Found(onward, referral);
                }));
        if (found.isEmpty()) {
            throw hidden("onward referral", id, resource, "404 none");
        }
        Found f = found.get();
        switch (caller.role()) {
            case ADMIN -> {
                return Access.plain(resource);
            }
            case LINK_WORKER -> {
                if (f.referral() != null && caller.organisation().equals(Documents.addresseeOrg(f.referral()))) {
                    return Access.plain(resource);
                }
            }
            case PROVIDER -> {
                // the provider by whichever identifier the token names it; consent as the feed and webhooks judge it
                EventDisclosure judge = new EventDisclosure(store, clock.instant(), directory);
                if (judge.provider(id).isKnownBy(caller.organisation())) {
                    ConsentLedger.Coverage coverage = judge.providerCoverage(id);
                    if (!coverage.covered()) {
                        // the provider learns nothing, not even that consent changed; the trail says why
                        throw hidden("onward referral", id, resource, "refused: " + coverage.reason());
                    }
                    return new Access(resource, "allowed: " + coverage.reason(), false, true, false, null);
                }
            }
            default -> {}
        }
        throw hidden("onward referral", id, resource, "hidden: not the caller's onward referral");
    }

    /** A search by focus finds nothing, rather than answering 404, when the referral is not the caller's. */
    private Access taskSearch(Caller caller, AccessPolicy.Rule rule, String focus) {
        requireRole(caller, rule, "-");
        if (focus == null || caller.is(Role.ADMIN)) {
            return Access.plain("-");
        }
        String id = focus.startsWith("ServiceRequest/") ? focus.substring("ServiceRequest/".length()) : focus;
        String resource = "Referral/" + id;
        boolean sees = store.transaction(tx -> tx.get("Referral", id))
                .map(r -> canSee(caller, Json.MAPPER.readTree(r.body())))
                .orElse(false);
        return sees
                ? Access.plain(resource)
                : new Access(resource, "hidden: not the caller's referral; empty search", false, false, true, null);
    }

    /** Whether a caller may see a referral at all. */
    static boolean canSee(Caller caller, JsonNode referral) {
        return switch (caller.role()) {
            case ADMIN -> true;
            case REFERRER -> caller.organisation().equals(Documents.referrerOrg(referral));
            case LINK_WORKER -> caller.organisation().equals(Documents.addresseeOrg(referral));
            default -> false;
        };
    }

    /** A list answer cut down for its caller, and what was withheld from it for lack of consent (for the audit trail). */
    record Filtered(String body, List<String> withheld) {}

    /** See {@link ListAnswerFilter}. */
    Filtered filterList(Caller caller, String body) {
        return new ListAnswerFilter(store, clock, directory).filter(caller, body);
    }

    /** See {@link OnwardProviderView}. */
    String providerView(String body) {
        return new OnwardProviderView(store, clock, directory).of(body);
    }

    private static String target(byte[] body) {
        try {
            return Json.MAPPER.readTree(body).path("to").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Refusal hidden(String what, String id, String resource, String note) {
        return new Refusal(ApiProblem.notFound(what, id), resource, note.startsWith("404") ? "not found" : note);
    }
}
