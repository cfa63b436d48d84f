package org.linkway.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a run is given: the one server URL it may talk to, the tokens, the claimed profiles and
 * the bounds on effort. Immutable; build with {@link #builder(String)}.
 */
public final class KitConfig {

    /** Token roles the kit knows; {@link #DEFAULT_ROLE} is used where a role has no token of its own. */
    public static final String DEFAULT_ROLE = "default";
    /** A token of a second organisation, for the cross-organisation tests. */
    public static final String OTHER_ORG_ROLE = "other-org";
    /** The referring organisation, when it has a token of its own (the referrer's side of the message back). */
    public static final String REFERRER_ROLE = "referrer";
    /** The person's registered GP practice, reading the message back addressed to it (a referrer-role token of the practice). */
    public static final String GP_PRACTICE_ROLE = "gp-practice";
    /**
     * A VCSE provider's own token, a JWT whose {@code org} claim names its organisation (charity
     * number or ODS code): the kit addresses onward referrals to it and reads its inbox as it.
     */
    public static final String CHARITY_ROLE = "charity";

    public static final Set<String> ROLES = Set.of(
            DEFAULT_ROLE, REFERRER_ROLE, "link-worker", "provider", OTHER_ORG_ROLE, GP_PRACTICE_ROLE, CHARITY_ROLE);
    /** Roles that never fall back to the default token: they stand for an organisation other than the default's. */
    /** Roles that never borrow the default token. */
    public static final Set<String> OWN_ONLY = Set.of(OTHER_ORG_ROLE, GP_PRACTICE_ROLE, CHARITY_ROLE);

    private final URI baseUrl;
    private final Map<String, String> tokens;
    private final Set<Profile> profiles;
    private final long seed;
    private final int fuzzTries;
    private final Duration requestTimeout;
    private final Duration webhookTimeout;
    private final Duration maxDuration;
    private final String webhookHost;
    private final List<Path> messageFiles;
    private final Set<String> only;
    private final String gpPracticeCode;
    private final String referrerCode;

    private KitConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.tokens = Collections.unmodifiableMap(new LinkedHashMap<>(b.tokens));
        this.profiles = Collections.unmodifiableSet(
                b.profiles.isEmpty() ? EnumSet.noneOf(Profile.class) : EnumSet.copyOf(b.profiles));
        this.seed = b.seed;
        this.fuzzTries = b.fuzzTries;
        this.requestTimeout = b.requestTimeout;
        this.webhookTimeout = b.webhookTimeout;
        this.maxDuration = b.maxDuration;
        this.webhookHost = b.webhookHost;
        this.messageFiles = List.copyOf(b.messageFiles);
        this.only = Set.copyOf(b.only);
        this.gpPracticeCode = b.gpPracticeCode;
        this.referrerCode = b.referrerCode;
    }

    /** Starts a configuration for the server at {@code baseUrl} (http or https, no query). */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The token for a role, falling back to the default token; empty when the run has no tokens. */
    public Optional<String> token(String role) {
        String t = tokens.get(role);
        return Optional.ofNullable(t != null || OWN_ONLY.contains(role) ? t : tokens.get(DEFAULT_ROLE));
    }

    /** The token given for this role itself, without falling back to the default token. */
    public Optional<String> ownToken(String role) {
        return Optional.ofNullable(tokens.get(role));
    }

    /**
     * The GP practice's ODS code: as given ({@code --gp-practice-code}), else the {@code org}
     * claim of its token when that is a JWT; empty when neither is known.
     */
    public Optional<String> gpPracticeCode() {
        return gpPracticeCode != null
                ? Optional.of(gpPracticeCode)
                : ownToken(GP_PRACTICE_ROLE).flatMap(TokenClaims::organisation);
    }

    /** The referring organisation's ODS code: as given ({@code --referrer-code}), else the {@code org} claim of its own token. */
    public Optional<String> referrerCode() {
        return referrerCode != null
                ? Optional.of(referrerCode)
                : ownToken(REFERRER_ROLE).flatMap(TokenClaims::organisation);
    }

    /** The organisation the charity's own token names (its {@code org} claim); empty without one. */
    public Optional<String> charityCode() {
        return ownToken(CHARITY_ROLE).flatMap(TokenClaims::organisation);
    }

    public boolean hasTokens() {
        return !tokens.isEmpty();
    }

    public Set<Profile> profiles() {
        return profiles;
    }

    public boolean claims(Profile p) {
        return profiles.contains(p);
    }

    /** Seed of the generated messages: the same seed sends the same messages. */
    public long seed() {
        return seed;
    }

    public int fuzzTries() {
        return fuzzTries;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration webhookTimeout() {
        return webhookTimeout;
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /** The host name the server should use to reach the kit's webhook receiver. */
    public String webhookHost() {
        return webhookHost;
    }

    public List<Path> messageFiles() {
        return messageFiles;
    }

    /** Test or requirement ids to run; empty for all. A run with a selection does not show conformance. */
    public Set<String> only() {
        return only;
    }

    /** Collects a configuration; {@link #build()} checks it. */
    public static final class Builder {
        private final URI baseUrl;
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private final Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        private long seed = 20261127L;
        private int fuzzTries = 25;
        private Duration requestTimeout = Duration.ofSeconds(20);
        private Duration webhookTimeout = Duration.ofSeconds(30);
        private Duration maxDuration = Duration.ofMinutes(10);
        private String webhookHost = "127.0.0.1";
        private final List<Path> messageFiles = new ArrayList<>();
        private final Set<String> only = new HashSet<>();
        private String gpPracticeCode;
        private String referrerCode;

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            } catch (IllegalArgumentException e) {
                throw new KitSetupException("--base-url is not a URL: " + baseUrl, e);
            }
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null
                    || uri.getQuery() != null) {
                throw new KitSetupException("--base-url must be an absolute http(s) URL without a query: " + baseUrl);
            }
            this.baseUrl = uri;
        }

        public Builder token(String token) {
            return token(DEFAULT_ROLE, token);
        }

        public Builder token(String role, String token) {
            if (!ROLES.contains(role)) {
                throw new KitSetupException("unknown token role '" + role + "'; roles: " + ROLES);
            }
            if (token == null || token.isBlank()) {
                throw new KitSetupException("the token for role '" + role + "' is empty");
            }
            tokens.put(role, token);
            return this;
        }

        public Builder profiles(Set<Profile> claimed) {
            profiles.addAll(claimed);
            return this;
        }

        public Builder profile(Profile p) {
            profiles.add(p);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How many generated messages each fuzzing test sends (bounded: 1 to 500). */
        public Builder fuzzTries(int tries) {
            if (tries < 1 || tries > 500) {
                throw new KitSetupException("fuzz tries must be from 1 to 500");
            }
            this.fuzzTries = tries;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder webhookTimeout(Duration d) {
            this.webhookTimeout = d;
            return this;
        }

        /** After this the remaining tests are reported as errors, so a hanging server cannot hang CI. */
        public Builder maxDuration(Duration d) {
            this.maxDuration = d;
            return this;
        }

        public Builder webhookHost(String host) {
            this.webhookHost = host;
            return this;
        }

        public Builder messageFile(Path p) {
            messageFiles.add(p);
            return this;
        }

        /** Runs only these tests, named by test id ({@code RR-17}) or requirement id ({@code LW-REF-017}). */
        public Builder only(Collection<String> ids) {
            only.addAll(ids);
            return this;
        }

        /** The GP practice's ODS code, when its token does not carry it as a JWT {@code org} claim. */
        public Builder gpPracticeCode(String code) {
            this.gpPracticeCode = odsCode("--gp-practice-code", code);
            return this;
        }

        /** The referring organisation's ODS code, when its token does not carry it as a JWT {@code org} claim. */
        public Builder referrerCode(String code) {
            this.referrerCode = odsCode("--referrer-code", code);
            return this;
        }

        private static String odsCode(String option, String code) {
            if (code == null || !code.matches("[A-Z0-9]{3,8}")) {
                throw new KitSetupException(
                        option + " must be an ODS code (3 to 8 capital letters and digits, e.g. Y03146): " + code);
            }
            return code;
        }

        public KitConfig build() {
            if (profiles.isEmpty()) {
                throw new KitSetupException("claim at least one profile; profiles: "
                        + Arrays.stream(Profile.values()).map(Profile::id).toList());
            }
            return new KitConfig(this);
        }
    }
}
