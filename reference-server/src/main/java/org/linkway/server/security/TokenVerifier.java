package org.linkway.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.crypto.nimbus.JwsAlgorithms;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;

/**
 * Checks a bearer token: signed ES256 or EdDSA by a configured key of the matching type, issued
 * by the configured issuer for this audience, not expired, and naming a subject, an
 * organisation and a known role. Every refusal is a 401 whose detail says which check failed
 * and never repeats the token.
 */
public final class TokenVerifier {

    /** Clocks drift; a minute either way is tolerated. */
    static final Duration SKEW = Duration.ofSeconds(60);

    /** Verified tokens, so a client's repeated token costs one signature check; expiry is still checked each time. */
    private static final int CACHE_SIZE = 10_000;

    private record Verified(Caller caller, Instant expiry, Instant notBefore) {}

    private final Map<String, Verified> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CACHE_SIZE;
        }
    });
    private final JWKSet keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenVerifier(JWKSet keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** The caller the header names, or a 401 problem. */
    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw unauthorised("no bearer token: send Authorization: Bearer <token>");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorised("the Authorization header must use the Bearer scheme");
        }
        return verify(authorizationHeader.substring(7).trim());
    }

    Caller verify(String token) {
        Verified known = cache.get(token);
        if (known != null) {
            Instant now = clock.instant();
            if (known.expiry().plus(SKEW).isBefore(now)) {
                cache.remove(token);
                throw unauthorised("the token expired at " + known.expiry());
            }
            if (known.notBefore() != null && known.notBefore().minus(SKEW).isAfter(now)) {
                throw unauthorised("the token is not valid before " + known.notBefore());
            }
            return known.caller();
        }
        return verifyFully(token);
    }

    private Caller verifyFully(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw unauthorised("the bearer token is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw unauthorised("the bearer token is not signed (alg none or encrypted); tokens are ES256 or EdDSA JWS");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!JwsAlgorithms.ACCEPTED.contains(alg)) {
            throw unauthorised("algorithm " + alg + " is not accepted; tokens are signed ES256 or EdDSA");
        }
        if (JWSAlgorithm.ES256.equals(alg)
                && !JwsAlgorithms.isLowS(signed.getSignature().decode())) {
            // (r, n - s) verifies whenever (r, s) does: two encodings of one token, one of them not the issuer's
            throw unauthorised("the token's ES256 signature is not in low-S form (s must be at most n/2)");
        }
        if (!signatureHolds(signed, alg)) {
            throw unauthorised("the token's signature does not verify with any configured key");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthorised("the token's claims are not a JSON object");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw unauthorised("the token has no expiry (exp)");
        }
        if (exp.toInstant().plus(SKEW).isBefore(now)) {
            throw unauthorised("the token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) {
            throw unauthorised("the token is not valid before " + nbf.toInstant());
        }
        if (issuer != null && !issuer.equals(claims.getIssuer())) {
            throw unauthorised("the token was not issued by the issuer this server trusts");
        }
        List<String> aud = claims.getAudience();
        if (audience != null && (aud == null || !aud.contains(audience))) {
            throw unauthorised("the token is not meant for this server (audience)");
        }
        String sub = text(claims, "sub");
        String org = text(claims, "org");
        String roleClaim = text(claims, "role");
        if (sub == null || org == null || roleClaim == null) {
            throw unauthorised("the token must carry sub, org and role");
        }
        Role role = Role.fromClaim(roleClaim)
                .orElseThrow(
                        () -> unauthorised("role must be one of referrer, link-worker, provider, commissioner, admin"));
        Caller caller = new Caller(sub, org, role, Boolean.TRUE.equals(claims.getClaim("lead")));
        cache.put(token, new Verified(caller, exp.toInstant(), nbf == null ? null : nbf.toInstant()));
        return caller;
    }

    private boolean signatureHolds(SignedJWT signed, JWSAlgorithm alg) {
        String kid = signed.getHeader().getKeyID();
        for (JWK key : keys.getKeys()) {
            if ((kid == null || kid.equals(key.getKeyID())) && alg.equals(JwsAlgorithms.algorithmFor(key))) {
                try {
                    if (signed.verify(JwsAlgorithms.verifier(key))) {
                        return true;
                    }
                } catch (JOSEException | IllegalStateException e) {
                    // a malformed signature for this key: try the next, then refuse
                }
            }
        }
        return false;
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s && !s.isBlank() && s.length() <= 200 ? s : null;
    }

    /**
     * RFC 6750's challenge: a request with no bearer token is told only the scheme and realm; one
     * whose token failed is told {@code invalid_token}, with the check that failed.
     */
    static String challenge(String authorization, ApiProblem problem) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer) {
            return "Bearer realm=\"linkway\"";
        }
        String why = problem.detail().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "'");
        return "Bearer realm=\"linkway\", error=\"invalid_token\", error_description=\"" + why + "\"";
    }

    static ApiProblem unauthorised(String detail) {
        return new ApiProblem(ProblemType.UNAUTHORISED, detail);
    }
}
