package org.linkway.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.linkway.crypto.nimbus.JwsAlgorithms;

/**
 * Development mode's issuer: a P-256 key made at start-up and never written anywhere, and a
 * token for each demo role and organisation, so the README's run command needs no set-up while
 * every request is still authenticated. Restarting the server invalidates every token.
 */
public final class DevTokens {

    /** The demo organisations: those of the demo referrals, plus a provider, a commissioner and an admin. */
    public record Demo(String label, Role role, String organisation) {}

    public static final List<Demo> DEMOS = List.of(
            new Demo("referrer (hospital discharge team, demo referral 2)", Role.REFERRER, "RX9E2"),
            new Demo(
                    "referrer (GP practice Y03146, Larkmead Medical Practice, demo referral 1)",
                    Role.REFERRER,
                    "Y03146"),
            new Demo("link-worker (Eastmere Community Action, receives the demo referrals)", Role.LINK_WORKER, "8EC41"),
            new Demo("provider (Eastmere Strollers, charity 1187342)", Role.PROVIDER, "1187342"),
            new Demo("commissioner (invented ICB)", Role.COMMISSIONER, "QEM"),
            new Demo("admin", Role.ADMIN, "LINKWAY"));

    private static final Duration LIFETIME = Duration.ofHours(12);
    /** In-process look-up for tests that start a server and need its tokens; never exposed over HTTP. */
    private static final Map<Integer, DevTokens> BY_PORT = new ConcurrentHashMap<>();

    private final ECKey key;
    private final Clock clock;

    private DevTokens(ECKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    static DevTokens generate(Clock clock) {
        try {
            return new DevTokens(
                    new ECKeyGenerator(Curve.P_256)
                            .keyID("dev-" + UUID.randomUUID())
                            .generate(),
                    clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make a development key", e);
        }
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A token for any role and organisation, valid for twelve hours. */
    public String mint(Role role, String organisation) {
        return mint(role, organisation, "demo-" + role.claim() + "@" + organisation, LIFETIME);
    }

    /**
     * A token for a named person (its {@code sub}) of an organisation, valid for twelve hours; with
     * {@code lead}, the {@code lead: true} claim of a link worker service's lead.
     */
    public String mint(Role role, String organisation, String subject, boolean lead) {
        return mint(role, organisation, subject, LIFETIME, lead);
    }

    String mint(Role role, String organisation, String subject, Duration lifetime) {
        return mint(role, organisation, subject, lifetime, false);
    }

    private String mint(Role role, String organisation, String subject, Duration lifetime, boolean lead) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        if (lead) {
            builder.claim("lead", true);
        }
        JWTClaimsSet claims = builder.issuer(SecuritySettings.DEV_ISSUER)
                .audience(SecuritySettings.DEV_AUDIENCE)
                .subject(subject)
                .claim("org", organisation)
                .claim("role", role.claim())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(JwsAlgorithms.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jwt.serialize();
    }

    /** One token per demo, in {@link #DEMOS} order. */
    public Map<Demo, String> demoTokens() {
        Map<Demo, String> out = new LinkedHashMap<>();
        DEMOS.forEach(d -> out.put(d, mint(d.role(), d.organisation())));
        return out;
    }

    void register(int port) {
        BY_PORT.put(port, this);
    }

    void unregister(int port) {
        BY_PORT.remove(port, this);
    }

    /** The development issuer of the server in this JVM listening on {@code port}, if it runs in development mode. */
    public static Optional<DevTokens> forPort(int port) {
        return Optional.ofNullable(BY_PORT.get(port));
    }
}
