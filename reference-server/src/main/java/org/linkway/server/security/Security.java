package org.linkway.server.security;

import com.nimbusds.jose.jwk.JWKSet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linkway.model.ProblemType;
import org.linkway.server.consent.OrganisationDirectory;
import org.linkway.server.events.DeliveryGate;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.EdgeSettings;
import org.linkway.server.http.Idempotency;
import org.linkway.server.http.Problems;
import org.linkway.server.http.RequestAudit;
import org.linkway.server.http.RequestIds;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication, authorisation, consent and audit, wired into the server as one before-handler
 * and one after-handler, so no route handler carries a check of its own:
 * <ol>
 *   <li>before: find the route's rule ({@link AccessPolicy}); unless it is public, verify the
 *       bearer token (401), then decide access to the referral or onward referral the path
 *       names (404 for someone else's, 403 for a route the role may not use);</li>
 *   <li>after: cut list answers down to what the caller may see and onward referrals down to
 *       what a provider may see, then append the request to the audit trail (if that fails, the
 *       answer becomes a 503: nothing is disclosed unaudited).</li>
 * </ol>
 */
public final class Security {

    private static final Logger LOG = LoggerFactory.getLogger(Security.class);
    static final String CALLER = "linkway.caller";
    static final String ACCESS = "linkway.access";
    private static final String RULE = "linkway.rule";
    private static final String PENDING = "linkway.audit-entry";
    private static final String SIGNER = "linkway.signer";
    /** The answers signed for their receiver: single resources that leave the server as personal data. */
    private static final Set<String> SIGNED = Set.of(
            "/v1/referrals/{id}",
            "/v1/referrals/{id}/message-back",
            "/v1/onward-referrals/{id}",
            "/fhir/R4/Bundle/{id}");
    /** Where the server publishes its signing keys. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final TokenVerifier verifier;
    private final AccessDecider decider;
    private final AuditLog audit;
    private final Store store;
    private final Clock clock;
    private final DevTokens dev;
    private final Signatures signatures;
    private RefusalSummary refusals;
    /** What the server knows of organisations' identifiers; the service directory (#23) plugs in here. */
    private final OrganisationDirectory directory = OrganisationDirectory.NONE;

    private Security(TokenVerifier verifier, Store store, Clock clock, DevTokens dev, Signatures signatures) {
        this.verifier = verifier;
        this.signatures = signatures;
        this.decider = new AccessDecider(store, clock, directory);
        this.audit = new AuditLog(store, clock);
        this.refusals = new RefusalSummary(audit, clock, EdgeSettings.DEFAULTS.refusalSummaryInterval());
        this.store = store;
        this.clock = clock;
        this.dev = dev;
    }

    /**
     * From configuration: the configured keys, issuer and audience; in development mode without
     * keys, an ephemeral key. Outside development mode a server without keys, issuer and audience
     * refuses to start.
     */
    public static Security create(SecuritySettings settings, boolean devMode, Store store, Clock clock) {
        return create(settings, SigningSettings.NONE, devMode, store, clock);
    }

    /** As above, with the server's message signing key and the sender keys it trusts. */
    public static Security create(
            SecuritySettings settings, SigningSettings signing, boolean devMode, Store store, Clock clock) {
        Signatures signatures = Signatures.create(signing, devMode);
        if (settings.configured()) {
            if (settings.issuer() == null
                    || settings.issuer().isBlank()
                    || settings.audience() == null
                    || settings.audience().isBlank()) {
                throw new IllegalStateException(
                        "refusing to start: LINKWAY_JWT_KEYS is set but LINKWAY_JWT_ISSUER and "
                                + "LINKWAY_JWT_AUDIENCE are not; a token is accepted only from a named issuer for a named audience");
            }
            JWKSet keys = KeyFiles.read(settings.keys());
            LOG.info(
                    "bearer tokens: {} key(s) from {}, issuer {}, audience {}",
                    keys.getKeys().size(),
                    settings.keys(),
                    settings.issuer(),
                    settings.audience());
            return new Security(
                    new TokenVerifier(keys, settings.issuer(), settings.audience(), clock),
                    store,
                    clock,
                    null,
                    signatures);
        }
        if (!devMode) {
            throw new IllegalStateException(
                    "refusing to start: no token keys configured. Set LINKWAY_JWT_KEYS (a PEM or JWKS "
                            + "file of ES256/EdDSA public keys), LINKWAY_JWT_ISSUER and LINKWAY_JWT_AUDIENCE, or run with --dev");
        }
        DevTokens tokens = DevTokens.generate(clock);
        return new Security(
                new TokenVerifier(
                        tokens.publicKeys(), SecuritySettings.DEV_ISSUER, SecuritySettings.DEV_AUDIENCE, clock),
                store,
                clock,
                tokens,
                signatures);
    }

    /** The development issuer, when the server made its own key. */
    public Optional<DevTokens> devTokens() {
        return Optional.ofNullable(dev);
    }

    /** The server's message signatures: what webhook deliveries are signed with. */
    public Signatures signatures() {
        return signatures;
    }

    /** Registers the handlers and the public key set; call after the request-id handler so every audit entry carries the id. */
    public void register(RoutesConfig routes) {
        routes.before(this::before);
        routes.after(this::after);
        routes.get(
                JWKS_PATH,
                ctx -> ctx.status(200)
                        .contentType("application/jwk-set+json")
                        .header("Cache-Control", "max-age=300")
                        .result(signatures.jwks()));
    }

    /**
     * Lets tests in this JVM find the development tokens by port, and returns the lines that show
     * them (none outside development mode) for the start-up to print: printed, never logged at a
     * level a log shipper would keep, as these are credentials, if only for demo data.
     */
    public List<String> announce(int port) {
        if (dev == null) {
            return List.of();
        }
        dev.register(port);
        List<String> lines = new ArrayList<>();
        lines.add("Demo tokens, one per role (valid 12 hours, until this process stops); every request needs one:");
        dev.demoTokens().forEach((demo, token) -> {
            lines.add("  " + demo.label() + " [role " + demo.role().claim() + ", org " + demo.organisation() + "]");
            lines.add("    " + token);
        });
        lines.add("  e.g. curl -H 'Authorization: Bearer <token>' http://127.0.0.1:" + port + "/v1/referrals");
        return lines;
    }

    public void close(int port) {
        if (dev != null) {
            dev.unregister(port);
        }
    }

    /** Counts a request refused before authentication (401 here, 429 at the edge) into {@link RefusalSummary}. */
    public void refusedBeforeAuthentication(int status) {
        refusals.refused(status);
    }

    /** At most one audit entry per interval counts the requests refused before authentication. */
    public void summariseRefusalsEvery(Duration interval) {
        this.refusals = new RefusalSummary(audit, clock, interval);
    }

    /** Writes the count of refusals not yet in the audit trail; the server calls it as it stops. */
    public void flushRefusals() {
        refusals.flush();
    }

    private void before(Context ctx) {
        RequestAudit.end(); // nothing left over from an earlier request on this thread
        AccessPolicy.Rule rule = AccessPolicy.ruleFor(ctx.method().name(), ctx.path());
        ctx.attribute(RULE, rule);
        if (rule.scope() == AccessPolicy.Scope.PUBLIC) {
            return;
        }
        Caller caller;
        try {
            caller = verifier.authenticate(ctx.header("Authorization"));
        } catch (ApiProblem p) {
            ctx.header("WWW-Authenticate", TokenVerifier.challenge(ctx.header("Authorization"), p));
            throw p;
        }
        ctx.attribute(CALLER, caller);
        Idempotency.scopeTo(ctx, caller.role().claim(), caller.organisation());
        Map<String, String> params = new HashMap<>(AccessPolicy.pathParams(rule, ctx.path()));
        if (rule.scope() == AccessPolicy.Scope.TASK_SEARCH && ctx.queryParam("focus") != null) {
            params.put("focus", ctx.queryParam("focus"));
        }
        try {
            AccessDecider.Access access =
                    decider.decide(caller, rule, ctx.method().name(), ctx.path(), params, ctx::bodyAsBytes);
            ctx.attribute(ACCESS, access);
            if (access.listScope() != null) {
                ctx.attribute(ListScope.ATTRIBUTE, access.listScope());
            }
            if (access.filterList() && "/v1/events".equals(rule.pattern())) {
                // the feed judges while it scans; the after-handler's filter stays as the safety net
                ctx.attribute(FeedFilter.ATTRIBUTE, new FeedFilter(decider, caller));
            }
            if (access.view() != null) {
                ctx.attribute(MessageBackView.ATTRIBUTE, access.view());
            }
            String signer = null;
            if (rule.scope() == AccessPolicy.Scope.REFERRAL_INTAKE || rule.scope() == AccessPolicy.Scope.FHIR_INTAKE) {
                try {
                    signer = signatures.verifyIntake(ctx.bodyAsBytes(), ctx.header(Signatures.HEADER));
                    ctx.attribute(SIGNER, signer);
                } catch (ApiProblem p) {
                    ctx.attribute(
                            ACCESS,
                            new AccessDecider.Access(
                                    access.resource(),
                                    "refused: " + p.type().substring(p.type().lastIndexOf(':') + 1)));
                    throw p;
                }
            }
            if (!access.filterList() && !access.providerView() && !access.emptySearch()) {
                // an answer the after-handler will not rewrite: a write may commit its entry with it
                PendingEntry entry = new PendingEntry(
                        RequestIds.of(ctx),
                        caller,
                        action(ctx, rule),
                        access.resource(),
                        withSigner(access.note(), signer));
                ctx.attribute(PENDING, entry);
                RequestAudit.begin(entry);
            }
        } catch (AccessDecider.Refusal r) {
            ctx.attribute(ACCESS, new AccessDecider.Access(r.resource, r.note));
            throw r.problem;
        }
    }

    /**
     * The organisation check of {@code POST /v1/referrals}, for a referral that reached the
     * server in another form (a FHIR Bundle) once it has been converted: a referrer sends as its
     * own organisation, a link worker service records referrals addressed to itself.
     */
    public void checkConvertedReferral(Context ctx, byte[] referralJson) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("a referral intake ran without an authenticated caller");
        }
        try {
            AccessDecider.intake(caller, referralJson);
        } catch (AccessDecider.Refusal r) {
            ctx.attribute(ACCESS, new AccessDecider.Access(r.resource, r.note));
            throw r.problem;
        }
    }

    private void after(Context ctx) {
        RequestAudit.end();
        AccessPolicy.Rule rule = ctx.attribute(RULE);
        if (rule == null || rule.scope() == AccessPolicy.Scope.PUBLIC) {
            return;
        }
        Caller caller = ctx.attribute(CALLER);
        if (caller == null && ctx.status().getCode() == 401) {
            // nobody authenticated: counted in a summary entry, so a flood cannot grow the trail
            refusals.refused(401);
            return;
        }
        PendingEntry written = ctx.attribute(PENDING);
        if (written != null && written.committedWith == ctx.status().getCode()) {
            return; // in the audit trail already, committed with the change it records
        }
        AccessDecider.Access access = ctx.attribute(ACCESS);
        int status = ctx.status().getCode();
        try {
            if (access != null && status == 200 && access.emptySearch()) {
                // a search whose focus the caller may not see finds nothing, exactly as for a focus that does not exist
                ctx.result("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}");
            }
            String withheld = "";
            if (access != null && status == 200 && (access.filterList() || access.providerView())) {
                String body = ctx.result();
                if (body != null && access.filterList()) {
                    AccessDecider.Filtered filtered = decider.filterList(caller, body);
                    ctx.result(filtered.body());
                    if (!filtered.withheld().isEmpty()) {
                        withheld = "; details withheld: " + String.join("; ", filtered.withheld());
                    }
                } else if (body != null) {
                    ctx.result(decider.providerView(body));
                }
            }
            if (status == 200 && "GET".equals(ctx.method().name()) && SIGNED.contains(rule.pattern())) {
                String signature = signatures.sign(ctx.result());
                if (signature != null) {
                    ctx.header(Signatures.HEADER, signature);
                }
            }
            String note = (access == null ? (status == 401 ? "unauthenticated" : "refused") : access.note()) + withheld;
            audit.record(Audited.request(RequestIds.of(ctx))
                    .by(caller)
                    .action(action(ctx, rule))
                    .on(access == null ? "-" : access.resource())
                    .outcome(status + " " + withSigner(note, ctx.attribute(SIGNER))));
        } catch (RuntimeException e) {
            LOG.error("request {}: could not filter or audit the answer; withholding it", RequestIds.of(ctx), e);
            Problems.write(
                    ctx,
                    new ApiProblem(
                            ProblemType.AUDIT_UNAVAILABLE,
                            "the answer was withheld because it could not be written to the audit trail; quote request id "
                                    + RequestIds.of(ctx)));
        }
    }

    private static String withSigner(String note, String signer) {
        return signer == null ? note : note + "; signed by sender key " + signer;
    }

    private static String action(Context ctx, AccessPolicy.Rule rule) {
        return ctx.method().name() + " " + (rule == AccessPolicy.FALLBACK ? ctx.path() : rule.pattern());
    }

    /** A request's audit entry before its outcome is known; see {@link RequestAudit}. */
    private final class PendingEntry implements RequestAudit.Entry {
        private final String requestId;
        private final Caller caller;
        private final String action;
        private final String resource;
        private final String note;
        /** The status the committed entry records; -1 until a transaction holding it commits. */
        private volatile int committedWith = -1;

        PendingEntry(String requestId, Caller caller, String action, String resource, String note) {
            this.requestId = requestId;
            this.caller = caller;
            this.action = action;
            this.resource = resource;
            this.note = note;
        }

        @Override
        public void appendWithin(Tx tx, int status) {
            audit.append(
                    tx,
                    Audited.request(requestId)
                            .by(caller)
                            .action(action)
                            .on(resource)
                            .outcome(status + " " + note));
        }

        @Override
        public void committed(int status) {
            committedWith = status;
        }
    }

    /**
     * Withholds events from each subscriber that may not receive them, and cuts down what consent
     * withholds; see {@link SubscriberDisclosure}.
     */
    public DeliveryGate deliveryGate() {
        return new SubscriberDisclosure(store, clock, audit, directory);
    }

    /** For the admin endpoint and the command line. */
    public static Map<String, Object> verifyAudit(Store store) {
        AuditVerifier.Report r = AuditVerifier.verify(store);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.ok());
        out.put("entries", r.entries());
        if (!r.ok()) {
            out.put("brokenAt", r.brokenAt());
            out.put("reason", r.reason());
        }
        out.put("lastGoodHash", r.lastHash());
        return out;
    }
}
