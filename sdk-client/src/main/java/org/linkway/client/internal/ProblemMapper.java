package org.linkway.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linkway.client.error.BadRequestException;
import org.linkway.client.error.ConflictException;
import org.linkway.client.error.ForbiddenException;
import org.linkway.client.error.IllegalTransitionException;
import org.linkway.client.error.LinkwayException;
import org.linkway.client.error.NotAcceptableException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.Problem;
import org.linkway.client.error.RateLimitedException;
import org.linkway.client.error.ServerException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.UnauthorisedException;
import org.linkway.client.error.UnexpectedResponseException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.ProblemType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error answer into the one exception that names it. Pure: no I/O, never throws.
 *
 * <pre>{@code
 * LinkwayException e = ProblemMapper.map(404, "application/problem+json", body, requestId, null); // NotFoundException
 * }</pre>
 */
public final class ProblemMapper {

    private ProblemMapper() {}

    /**
     * @param status      HTTP status of the answer
     * @param contentType its Content-Type, or null
     * @param body        its body, possibly empty
     * @param requestId   the answer's X-Request-Id, else the one sent
     * @param retryAfter  the parsed Retry-After, or null
     */
    public static LinkwayException map(
            int status, String contentType, byte[] body, String requestId, Duration retryAfter) {
        Problem problem = parse(status, contentType, body, requestId);
        return classify(problem, retryAfter);
    }

    /**
     * The status decides the family; the catalogue's type refines it only when the type is one
     * this version knows with that very status. A type this version does not know (a newer
     * server's), or one with a status the catalogue does not give it, is classified by the status
     * alone and keeps its raw code.
     */
    static LinkwayException classify(Problem p, Duration retryAfter) {
        Optional<ProblemType> known = ProblemType.fromType(p.type()).filter(t -> t.status() == p.status());
        return known.isPresent() ? forType(known.get(), p, retryAfter) : byStatus(p, retryAfter);
    }

    /** The documented exception of each catalogue entry; the switch has no default, so a new entry must be placed here. */
    static LinkwayException forType(ProblemType type, Problem p, Duration retryAfter) {
        return switch (type) {
            case MALFORMED_BODY,
                    INVALID_REFERRAL,
                    INVALID_ONWARD_REFERRAL,
                    INVALID_CARE_PLAN,
                    INVALID_CONSENT,
                    INVALID_CONTACT_RECORD,
                    INVALID_ASSESSMENT,
                    INVALID_SIGNPOST,
                    INVALID_HOSPITAL_DISCHARGE,
                    INVALID_APPOINTMENT,
                    INVALID_FEEDBACK,
                    INVALID_FHIR_REFERRAL,
                    INVALID_SUBSCRIPTION,
                    INVALID_TIME_RULES,
                    INVALID_IMPORT,
                    INVALID_WITHOUT_UNKNOWN_PROPERTIES,
                    WRONG_MESSAGE_TYPE,
                    SERVER_ASSIGNED,
                    IDEMPOTENCY_KEY_REUSED,
                    INVALID_TRANSITION_REQUEST,
                    INVALID_ASSIGNMENT,
                    REASON_REQUIRED,
                    SIGNATURE_INVALID,
                    SIGNATURE_REQUIRED -> new ValidationException(p);
            case BAD_PARAMETER,
                    INVALID_FHIR_MESSAGE,
                    BAD_HEADER,
                    BAD_REQUEST,
                    METHOD_NOT_ALLOWED,
                    TOO_LARGE,
                    UNSUPPORTED_MEDIA_TYPE,
                    IF_MATCH_REQUIRED,
                    REQUEST_TIMEOUT -> new BadRequestException(p);
            case TOO_MANY_REQUESTS -> new RateLimitedException(p, retryAfter);
            case UNAUTHORISED -> new UnauthorisedException(p);
            case FORBIDDEN -> new ForbiddenException(p);
            case NOT_FOUND -> new NotFoundException(p);
            case NOT_ACCEPTABLE -> new NotAcceptableException(p);
            case ILLEGAL_TRANSITION -> new IllegalTransitionException(p);
            case REFERRAL_OPEN, NO_MESSAGE_BACK, REFERRAL_CLOSED, FEEDBACK_LIMIT, DUPLICATE_MESSAGE ->
                new ConflictException(p);
            case STALE_VERSION -> new StaleVersionException(p);
            case SERVER_ERROR, AUDIT_UNAVAILABLE -> new ServerException(p);
        };
    }

    /** An answer whose type this version does not know (or that was no problem document): the status alone. */
    static LinkwayException byStatus(Problem p, Duration retryAfter) {
        int status = p.status();
        return switch (status) {
            case 401 -> new UnauthorisedException(p);
            case 403 -> new ForbiddenException(p);
            case 404 -> new NotFoundException(p);
            case 406 -> new NotAcceptableException(p);
            case 409 -> new ConflictException(p);
            case 412 -> new StaleVersionException(p);
            case 422 -> new ValidationException(p);
            case 429 -> new RateLimitedException(p, retryAfter);
            default ->
                status >= 500 && status <= 599
                        ? new ServerException(p)
                        : status >= 400 && status <= 499
                                ? new BadRequestException(p)
                                : new UnexpectedResponseException(p);
        };
    }

    /** The problem document, or one standing in for an answer that was not a problem document. */
    static Problem parse(int status, String contentType, byte[] body, String requestId) {
        JsonNode doc = null;
        if (body != null
                && body.length > 0
                && contentType != null
                && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                doc = LinkwayJson.mapper().readTree(body);
            } catch (JacksonException notJson) {
                doc = null;
            }
        }
        if (doc == null || !doc.isObject() || !doc.path("type").isString()) {
            return new Problem(
                    "about:blank",
                    "HTTP " + status,
                    status,
                    "the answer was not a problem document" + (contentType == null ? "" : " (" + contentType + ")"),
                    null,
                    requestId,
                    List.of());
        }
        String givenId = text(doc, "requestId");
        // the HTTP status is what happened; a document claiming another is not believed
        return new Problem(
                doc.path("type").asString(),
                text(doc, "title"),
                status,
                text(doc, "detail"),
                text(doc, "instance"),
                givenId != null ? givenId : requestId,
                findings(doc),
                members(doc));
    }

    private static final Set<String> STANDARD =
            Set.of("type", "title", "status", "detail", "instance", "requestId", "findings", "errors");

    /** Extension members with simple values; anything nested deeper is left out rather than guessed at. */
    private static Map<String, Object> members(JsonNode doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : doc.propertyNames()) {
            if (STANDARD.contains(name)) {
                continue;
            }
            JsonNode v = doc.get(name);
            Object simple = simple(v);
            if (simple != null) {
                out.put(name, simple);
            } else if (v.isArray()) {
                List<Object> items = new ArrayList<>();
                v.forEach(item -> items.add(simple(item)));
                if (!items.contains(null)) {
                    out.put(name, List.copyOf(items));
                }
            }
        }
        return out;
    }

    private static Object simple(JsonNode v) {
        if (v.isString()) {
            return v.asString();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return null;
    }

    private static List<Finding> findings(JsonNode doc) {
        List<Finding> out = new ArrayList<>();
        // the server writes "findings"; "errors" is read too, as some problem writers name the list so
        for (String field : new String[] {"findings", "errors"}) {
            for (JsonNode f : doc.path(field)) {
                if (f.isObject()) {
                    out.add(new Finding(
                            severity(f.path("severity").asString("")),
                            orEmpty(f, "ruleId"),
                            orEmpty(f, "pointer"),
                            orEmpty(f, "prsbPath"),
                            orEmpty(f, "message")));
                }
            }
        }
        return out;
    }

    private static Severity severity(String text) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return Severity.ERROR;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.path(field);
        return n.isValueNode() && !n.isNull() ? n.asString() : null;
    }

    private static String orEmpty(JsonNode doc, String field) {
        String t = text(doc, field);
        return t == null ? "" : t;
    }
}
