package org.linkway.client.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;

/**
 * An RFC 9457 problem document as a Linkway server writes it ({@code application/problem+json}).
 * {@link #code()} is the slug of {@code type} ({@code urn:linkway:problem:<slug>}); answers that
 * were not problem documents (say, an HTML page from a proxy) are described as
 * {@code http-<status>}.
 *
 * <pre>{@code
 * catch (ValidationException e) {
 *     e.problem().ifPresent(p -> System.out.println(p.title() + ": " + p.detail()));
 * }
 * }</pre>
 *
 * @param type      the problem type URN, e.g. {@code urn:linkway:problem:not-found}
 * @param title     short summary of the kind of problem
 * @param status    HTTP status
 * @param detail    what went wrong with this request, for people
 * @param instance  the request path
 * @param requestId the request id the server logged it under (null if it gave none)
 * @param findings  the validator's findings, empty when the body was not validated
 * @param members   the document's extension members (e.g. {@code currentState}, {@code allowed},
 *                  {@code currentVersion}): strings, numbers ({@code Long} or {@code Double}),
 *                  booleans and lists of these
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<Finding> findings,
        Map<String, Object> members) {

    /** The prefix of every Linkway problem type. */
    public static final String TYPE_PREFIX = ProblemType.TYPE_PREFIX;

    public Problem {
        Objects.requireNonNull(type, "type");
        findings = findings == null ? List.of() : List.copyOf(findings);
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** A problem without extension members. */
    public Problem(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            String requestId,
            List<Finding> findings) {
        this(type, title, status, detail, instance, requestId, findings, Map.of());
    }

    /** An extension member that is text. */
    public Optional<String> member(String name) {
        return members.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The stable slug of {@link #type()}, or {@code http-<status>} for a type outside Linkway's namespace. */
    public String code() {
        return type.startsWith(TYPE_PREFIX) && type.length() > TYPE_PREFIX.length()
                ? type.substring(TYPE_PREFIX.length())
                : "http-" + status;
    }

    String describe() {
        String head = title == null || title.isBlank() ? "HTTP " + status : title;
        return detail == null || detail.isBlank() ? head : head + ": " + detail;
    }
}
