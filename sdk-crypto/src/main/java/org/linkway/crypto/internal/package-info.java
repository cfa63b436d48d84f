/**
 * Not API: the bridge between Nimbus JOSE and the Java runtime's own Ed25519, used by
 * {@code org.linkway.crypto} and by the reference server's bearer-token checks. Its types may
 * change in any release.
 */
package org.linkway.crypto.internal;
