package org.linkway.signature;

/**
 * Checks a message's detached signature against the keys a receiver trusts.
 * {@code linkway-sdk-crypto}'s {@code TrustedKeys} is one. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SignatureChecker {

    /** Whether {@code detachedJws} holds over {@code json}; never throws: a missing or bad signature is simply not valid. */
    SignatureVerification verify(String json, String detachedJws);
}
