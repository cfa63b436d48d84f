package org.linkway.server.fhir;

import ca.uhn.fhir.parser.IParser;
import io.javalin.http.Context;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;

/** FHIR JSON in and out of the facade's handlers. */
public final class FhirJson {

    public static final String CONTENT_TYPE = "application/fhir+json";

    private FhirJson() {}

    public static String encode(IBaseResource resource) {
        // a parser is cheap and not thread-safe; the context behind it is shared
        IParser parser = FhirBinding.fhirContext().newJsonParser();
        return parser.encodeResourceToString(resource);
    }

    static void respond(Context ctx, int status, IBaseResource resource) {
        ctx.status(status).contentType(CONTENT_TYPE).result(encode(resource));
    }

    /** FHIR clients send {@code application/fhir+json}; plain JSON is accepted too. */
    static void requireFhirJson(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith(CONTENT_TYPE) && !type.startsWith("application/json")) {
            throw new ApiProblem(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the Bundle as " + CONTENT_TYPE + (type.isEmpty() ? "" : ", not " + type));
        }
    }
}
