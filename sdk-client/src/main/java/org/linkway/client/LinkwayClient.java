package org.linkway.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.ClientVersion;
import org.linkway.client.internal.PublicKeySet;
import org.linkway.client.internal.Transport;
import org.linkway.signature.MessageSigner;

/**
 * A typed client for any Linkway-conformant server. Build one per server and share it: it is
 * immutable and thread-safe, holds no global state, and every call has a synchronous form and a
 * {@code ...Async} form returning a {@link java.util.concurrent.CompletableFuture}. Creates carry
 * an {@code Idempotency-Key} (yours, or a fresh one), so the built-in retries never create twice.
 * Failures are {@link org.linkway.client.error.LinkwayException}s with a stable {@code code()}.
 *
 * <pre>{@code
 * LinkwayClient client = LinkwayClient.builder()
 *         .baseUrl("http://127.0.0.1:8080")
 *         .tokenProvider(TokenProvider.none())            // development-mode server
 *         .requestTimeout(Duration.ofSeconds(10))
 *         .build();
 *
 * Versioned<Referral> created = client.referrals().create(referral);
 * String id = created.value().getId();
 * Versioned<Referral> accepted = client.referrals().transition(created, Referral.Status.ACCEPTED);
 * client.referral(id).carePlan().create(plan);
 * }</pre>
 */
public final class LinkwayClient {

    private final URI baseUrl;
    private final Calls calls;
    private final Referrals referrals;
    private final Events events;

    private LinkwayClient(Builder b) {
        this.baseUrl = b.baseUrl;
        HttpClient http = b.httpClient != null
                ? b.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(b.connectTimeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        Transport transport = Transport.create(
                b.baseUrl, http, b.tokenProvider, b.retryPolicy, b.requestTimeout, b.userAgent, b.clock);
        this.calls = new Calls(transport);
        this.referrals = new Referrals(calls, b.signer);
        this.events = new Events(calls, b.retryPolicy.sleeper());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server this client talks to. */
    public URI baseUrl() {
        return baseUrl;
    }

    public Referrals referrals() {
        return referrals;
    }

    /** One referral and the records under it; sends nothing by itself. */
    public ReferralResource referral(String id) {
        InvalidArgumentException.require(id, "id");
        return new ReferralResource(calls, referrals, id);
    }

    /** The message backs addressed to the caller's organisation (as referrer or registered GP practice). */
    public MessageBacks messageBacks() {
        return new MessageBacks(calls);
    }

    public OnwardReferrals onwardReferrals() {
        return new OnwardReferrals(calls);
    }

    public Events events() {
        return events;
    }

    public Subscriptions subscriptions() {
        return new Subscriptions(calls);
    }

    /** The caller's caseload, the counts per link worker for the service's lead, and (re)assigning referrals. */
    public Caseload caseload() {
        return new Caseload(calls);
    }

    /** The time rules of the caller's link worker service (first contact, follow-up, review). */
    public TimeRulesResource timeRules() {
        return new TimeRulesResource(calls);
    }

    /** Sessions with the link worker: book, reschedule, cancel, record attended or did not attend, list. */
    public Appointments appointments() {
        return new Appointments(calls);
    }

    /** The caller's calendar feeds of their appointments: create (with the URL), list, revoke. */
    public CalendarFeeds calendarFeeds() {
        return new CalendarFeeds(calls);
    }

    /**
     * The public keys the server signs messages back, referrals and webhook deliveries with
     * ({@code GET /.well-known/jwks.json}), as a JWKS document with public members only; read
     * them with {@code linkway-sdk-crypto}'s {@code TrustedKeys.fromJwks} and give that to
     * {@link SignatureVerifier#using} or
     * {@link org.linkway.client.webhook.WebhookVerifier.Builder#signingKeys}. Fetch them over a
     * connection you trust (TLS), or pin a copy you were given.
     */
    public String serverKeys() {
        return Transport.join(serverKeysAsync());
    }

    public CompletableFuture<String> serverKeysAsync() {
        return calls.send(ApiRequest.get("/.well-known/jwks.json"))
                .thenApply(r -> PublicKeySet.read(r.body())
                        .orElseThrow(() -> new UnexpectedResponseException(
                                r.status(),
                                r.requestId(),
                                "the server's key set is not a JWKS document (an object with a \"keys\" array)",
                                null)));
    }

    /** Builds a {@link LinkwayClient}; only {@link #baseUrl(String)} is required. */
    public static final class Builder {
        private URI baseUrl;
        private TokenProvider tokenProvider = TokenProvider.none();
        private RetryPolicy retryPolicy = RetryPolicy.defaultPolicy();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private String userAgent = "linkway-java-client/" + ClientVersion.number();
        private Clock clock = Clock.systemUTC();
        private MessageSigner signer;

        private Builder() {}

        /**
         * Signs every referral this client sends: it then carries a {@code Linkway-Signature} (a
         * detached JWS over its canonical JSON), which a server that trusts your public key checks
         * before storing it. Give your system's private key as {@code linkway-sdk-crypto}'s
         * {@code SigningKey} (P-256 or Ed25519), or any other {@link MessageSigner}.
         */
        public Builder signer(MessageSigner signer) {
            this.signer = InvalidArgumentException.require(signer, "signer");
            return this;
        }

        /** The server's root, e.g. {@code https://linkway.example.org} (paths such as {@code /v1/referrals} are added). */
        public Builder baseUrl(String baseUrl) {
            InvalidArgumentException.require(baseUrl, "baseUrl");
            return baseUrl(URI.create(baseUrl.strip()));
        }

        public Builder baseUrl(URI baseUrl) {
            InvalidArgumentException.require(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
            if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
                throw new InvalidArgumentException("baseUrl", "must be an absolute http or https URL, not " + baseUrl);
            }
            if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
                throw new InvalidArgumentException("baseUrl", "must not carry a query or fragment");
            }
            // request paths are appended to the root: drop trailing slashes so "/api/" and "/api" mean the same
            String root = baseUrl.toString();
            while (root.endsWith("/")) {
                root = root.substring(0, root.length() - 1);
            }
            this.baseUrl = URI.create(root);
            return this;
        }

        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = InvalidArgumentException.require(tokenProvider, "tokenProvider");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = InvalidArgumentException.require(retryPolicy, "retryPolicy");
            return this;
        }

        /** How long to wait for a connection (default 10 s); ignored when you pass your own {@link HttpClient}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may take, from sending to the whole answer (default 30 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Your own {@link HttpClient} (proxy, TLS, executor); the client never closes it. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = InvalidArgumentException.require(httpClient, "httpClient");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = InvalidArgumentException.require(userAgent, "userAgent");
            return this;
        }

        /** The clock {@code Retry-After} dates are read against (tests). */
        public Builder clock(Clock clock) {
            this.clock = InvalidArgumentException.require(clock, "clock");
            return this;
        }

        public LinkwayClient build() {
            InvalidArgumentException.require(baseUrl, "baseUrl");
            return new LinkwayClient(this);
        }

        private static Duration positive(Duration d, String name) {
            InvalidArgumentException.require(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidArgumentException(name, "must be positive");
            }
            return d;
        }
    }
}
