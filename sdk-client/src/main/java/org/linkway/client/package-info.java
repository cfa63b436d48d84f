/**
 * Typed HTTP client for any Linkway-conformant server.
 *
 * <p>Placeholder until its issue lands; see the project's open issues.
 */
package org.linkway.client;
