/**
 * Runnable social prescribing journeys, each a main class that talks to a Linkway server through
 * the typed client ({@code org.linkway.client.LinkwayClient}): a GP system referring from FHIR and
 * filing the message back, a link worker's day, a small charity's inbox, a hospital discharge
 * referral with a one-off personal health budget, and a vendor running the conformance kit.
 *
 * <p>Every person and organisation in them is invented. CI runs each one against the reference
 * server started in-process (see the module's tests), so they cannot drift from the API.
 */
package org.linkway.examples;
