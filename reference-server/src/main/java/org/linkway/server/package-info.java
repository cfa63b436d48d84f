/**
 * The reference server: the social prescribing journey over HTTP.
 *
 * <p>Placeholder until its issue lands; see the project's open issues.
 */
package org.linkway.server;
