/**
 * Runnable social prescribing journeys using the client against the server.
 *
 * <p>Placeholder until its issue lands; see the project's open issues.
 */
package org.linkway.examples;
