package org.linkway.server.web;

import io.javalin.http.Context;

/**
 * {@code GET /}: what this server is and where to go, for a person who opens its address in a
 * browser. No sign-in: it names no one and shows no data.
 */
final class StartPage {

    private StartPage() {}

    static void handle(Context ctx) {
        Layout.respond(ctx, 200, "Start", """
                <h1 class="nhsuk-heading-xl">Linkway reference server</h1>
                <p class="nhsuk-lede-text">This server speaks the PRSB Social Prescribing Information Standard v1.1:
                referrals to a social prescribing link worker, onward referrals to voluntary and community services,
                and the message back to the GP.</p>
                <h2 class="nhsuk-heading-l">Pages</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                <li><a href="/inspector">Message inspector</a>: paste or upload a Linkway message or a FHIR Bundle,
                see every finding with its rule and where it is, and the message converted to the other form.
                No sign-in, and nothing you paste is kept.</li>
                </ul>
                <h2 class="nhsuk-heading-l">For developers</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                <li><a href="/openapi.json">The API contract</a> (OpenAPI 3.1, JSON): every operation, request and answer.
                Every <code>/v1</code> call but validation needs a bearer token.</li>
                <li><a href="/fhir/R4/metadata">The FHIR R4 capability statement</a> of the FHIR facade.</li>
                <li><code>POST /v1/$validate</code>: the inspector's check as an API, with no token.</li>
                <li><a href="/health">Health</a> of this server and its database.</li>
                </ul>
                """);
    }
}
