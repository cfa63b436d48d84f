package org.linkway.server.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of the audit trail.
 *
 * @param sequence     position in the chain, from 1
 * @param at           when (microsecond precision)
 * @param requestId    the request's {@code X-Request-Id}, or the worker that acted
 * @param subject      who ({@code sub} of the token, or {@code anonymous})
 * @param organisation for which organisation
 * @param role         in which role
 * @param action       what, e.g. {@code GET /v1/referrals/{id}}
 * @param resource     on what, e.g. {@code Referral/<id>}, or {@code -}
 * @param outcome      how it ended, e.g. {@code 200 allowed} or {@code 404 refused: consent withdrawn}
 * @param previousHash the hash of the entry before ({@link #GENESIS} for the first)
 * @param hash         SHA-256 over this entry's fields and {@code previousHash}
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String requestId,
        String subject,
        String organisation,
        String role,
        String action,
        String resource,
        String outcome,
        String previousHash,
        String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        Objects.requireNonNull(at, "at");
    }

    /** What the hash of this entry should be, given its fields and its stored previous hash. */
    public String expectedHash() {
        return hash(sequence, at, requestId, subject, organisation, role, action, resource, outcome, previousHash);
    }

    /** Each field length-prefixed, so no two different entries hash the same text. */
    public static String hash(
            long sequence,
            Instant at,
            String requestId,
            String subject,
            String organisation,
            String role,
            String action,
            String resource,
            String outcome,
            String previousHash) {
        StringBuilder s = new StringBuilder("linkway-audit-v1");
        for (String f : new String[] {
            Long.toString(sequence),
            Long.toString(JdbcAudit.micros(at)),
            requestId,
            subject,
            organisation,
            role,
            action,
            resource,
            outcome,
            previousHash
        }) {
            String v = f == null ? "" : f;
            s.append('|').append(v.length()).append(':').append(v);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
