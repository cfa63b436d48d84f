package org.linkway.signature;

/**
 * Signs messages a system sends: the detached JWS over a message's canonical JSON that travels in
 * its {@code Linkway-Signature} header. {@code linkway-sdk-crypto}'s {@code SigningKey} is one.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface MessageSigner {

    /** The signature of {@code json}, or findings saying why there is none (never throws for bad input). */
    DetachedSignature sign(String json);
}
