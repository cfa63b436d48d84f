/**
 * For code that already speaks Nimbus JOSE (the reference server's bearer tokens, a vendor's own
 * JWT handling): the algorithms Linkway accepts (ES256, EdDSA) and the bridge between Nimbus and
 * the Java runtime's own Ed25519. The one package whose public signatures name Nimbus types, by
 * design; the rest of the SDK keeps them out (docs/COMPATIBILITY.md).
 */
package org.linkway.crypto.nimbus;
