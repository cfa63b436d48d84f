/**
 * What signing and checking a Linkway message signature looks like from the outside, with JDK and
 * Linkway types only: a {@link org.linkway.signature.MessageSigner} makes the detached signature
 * sent beside a message, a {@link org.linkway.signature.SignatureChecker} says whether one holds.
 * The client takes these, and {@code linkway-sdk-crypto} implements them (its {@code SigningKey}
 * and {@code TrustedKeys}), so only a system that signs or checks signatures carries a JOSE library.
 */
package org.linkway.signature;
