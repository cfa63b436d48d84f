/**
 * Proof of origin and integrity for Linkway messages, whatever carries them: the canonical JSON
 * form of RFC 8785 (JCS) and detached JSON Web Signatures (ES256, EdDSA) over it. Keys are
 * {@link org.linkway.crypto.SigningKey} (private, to sign) and {@link org.linkway.crypto.TrustedKeys}
 * (public, to check), made from JWK or JWKS documents or Java keys; they implement the
 * {@code org.linkway.signature} interfaces the client takes. The JWS format comes from Nimbus
 * JOSE, which no public signature here exposes. Every operation answers with findings instead
 * of throwing, like the validator; only malformed keys given to a factory are programmer errors.
 */
package org.linkway.crypto;
