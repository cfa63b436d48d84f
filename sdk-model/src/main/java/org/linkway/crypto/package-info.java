/**
 * Proof of origin and integrity for Linkway messages, whatever carries them: the canonical JSON
 * form of RFC 8785 (JCS) and detached JSON Web Signatures (ES256, EdDSA) over it. Every
 * operation answers with findings instead of throwing, like the validator.
 */
package org.linkway.crypto;
