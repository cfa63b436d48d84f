package org.linkway.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.linkway.server.http.ApiProblem;

/**
 * {@code /inspector}: a form to paste or upload a message, and the same page again with its
 * findings, the message with the places they name marked, and its conversion. It works as a
 * plain form post with no script at all; {@code linkway.js} only adds dropping a file onto the
 * text box. Same limits as {@code POST /v1/$validate}; a refusal is shown on the page.
 */
final class InspectorPage {

    static final String PATH = "/inspector";

    private final Inspection inspection;
    private final Limits limits;

    InspectorPage(Inspection inspection, Limits limits) {
        this.inspection = inspection;
        this.limits = limits;
    }

    void show(Context ctx) {
        Layout.respond(ctx, 200, "Message inspector", page("", null, ""));
    }

    void check(Context ctx) {
        String text = "";
        try {
            limits.take(ctx);
            text = submitted(ctx);
            if (text.isBlank()) {
                Layout.respond(
                        ctx,
                        400,
                        "Error: Message inspector",
                        page("", "Paste a message or choose a file to check", ""));
                return;
            }
            Inspection.Result result = inspection.inspect(text);
            Layout.respond(ctx, 200, "Message inspector", page(text, null, FindingsView.render(result)));
        } catch (ApiProblem refused) {
            // shown in the form's own error summary, so a person with no developer tools sees why
            Layout.respond(ctx, refused.status(), "Error: Message inspector", page(text, refused.detail(), ""));
        }
    }

    /** The uploaded file if one was chosen, else the text box. */
    private String submitted(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            limits.check((int) Math.min(Integer.MAX_VALUE, file.size()));
            try (InputStream in = file.content()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = ctx.formParam("message");
        text = text == null ? "" : text;
        limits.check(text.getBytes(StandardCharsets.UTF_8).length);
        return text;
    }

    /** The results first, where the eye lands after checking; the form below them, holding the message, to check again. */
    private static String page(String text, String error, String results) {
        StringBuilder out = new StringBuilder();
        out.append("<h1 class=\"nhsuk-heading-xl\">Message inspector</h1>\n");
        if (error != null) {
            out.append("""
                            <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
                            <h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
                            <div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">
                            <li><a href="#message">""").append(Html.escape(error)).append("</a></li>\n</ul></div></div>\n");
        }
        out.append(results);
        out.append("""
                <p>Paste a Linkway JSON message (a referral, a message back, a care plan...) or a FHIR R4 Bundle.
                You will see every finding with its rule, the PRSB element it is about and the place in the message,
                and the message converted to the other form. Nothing you paste is stored.
                Use invented data only.</p>
                <form method="post" action="/inspector" enctype="multipart/form-data" novalidate>
                """);
        String groupClass = error == null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";
        out.append("<div class=\"").append(groupClass).append("\">\n");
        out.append("""
                <label class="nhsuk-label nhsuk-label--s" for="message">Message (JSON)</label>
                <div class="nhsuk-hint" id="message-hint">Up to 1 MB. You can also drop a file onto this box.</div>
                """);
        if (error != null) {
            out.append(
                            "<span class=\"nhsuk-error-message\" id=\"message-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> ")
                    .append(Html.escape(error))
                    .append("</span>\n");
        }
        out.append("<textarea class=\"nhsuk-textarea lw-code")
                .append(error == null ? "" : " nhsuk-textarea--error")
                .append(
                        "\" id=\"message\" name=\"message\" rows=\"12\" spellcheck=\"false\" aria-describedby=\"message-hint")
                .append(error == null ? "" : " message-error")
                .append("\">")
                .append(Html.escape(text))
                .append("</textarea>\n</div>\n");
        out.append("""
                <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="file">Or choose a file</label>
                <input class="nhsuk-file-upload" id="file" name="file" type="file" accept=".json,application/json,application/fhir+json">
                </div>
                <button class="nhsuk-button" type="submit" id="check">Check message</button>
                </form>
                """);
        return out.toString();
    }
}
