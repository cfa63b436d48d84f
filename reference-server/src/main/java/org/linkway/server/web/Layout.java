package org.linkway.server.web;

import io.javalin.http.Context;

/**
 * The frame every page shares, in the NHS.UK frontend's markup (header, width container, main,
 * footer), so the pages look like the NHS services their users know. Pages pass their main
 * content as HTML they built with {@link Html#escape}.
 */
final class Layout {

    /**
     * Only this server's own styles, scripts and images; forms post back here; no framing. The
     * frontend's stylesheet names web fonts on an NHS host, which {@link Assets} removes, so
     * nothing on a page reaches past this server.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Layout() {}

    /** Writes a whole page as the answer. */
    static void respond(Context ctx, int status, String title, String main) {
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .result(page(title, main));
    }

    static String page(String title, String main) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s - Linkway</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/assets/nhsuk-frontend.min.css">
                <link rel="stylesheet" href="/assets/linkway.css">
                <script src="/assets/linkway.js" defer></script>
                </head>
                <body>
                <a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
                <header class="nhsuk-header" role="banner">
                <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                <a class="nhsuk-header__service-name" href="/">Linkway</a>
                </div>
                </div>
                <div class="nhsuk-header__navigation nhsuk-width-container">
                <nav class="lw-nav" aria-label="Pages">
                <ul class="nhsuk-header__navigation-list">
                <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/">Start</a></li>
                <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/inspector">Message inspector</a></li>
                </ul>
                </nav>
                </div>
                </header>
                <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent">
                %s
                </main>
                </div>
                <footer class="nhsuk-footer" role="contentinfo">
                <div class="nhsuk-width-container">
                <p class="nhsuk-body-s">Linkway reference server, for the PRSB Social Prescribing Information Standard v1.1.
                Development and test use: do not enter real personal data.</p>
                </div>
                </footer>
                </body>
                </html>
                """.formatted(Html.escape(title), main);
    }
}
