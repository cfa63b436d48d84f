package org.linkway.server.http;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * A request the server refuses, thrown from anywhere in a handler and turned into an
 * {@code application/problem+json} document in one place ({@link Problems}).
 * Its type, status and title come from the catalogue ({@link ProblemType}) and nowhere else;
 * the detail is for people.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType problemType;
    private final transient List<Finding> findings;
    private final int findingsOmitted;
    private final transient Map<String, Object> members = new LinkedHashMap<>();

    /**
     * Most findings an answer carries. A body with a hundred thousand mistakes gets the first
     * hundred (errors before warnings, each in the order found) and the count of the rest in
     * {@code findingsOmitted}, so the answer stays small whatever the request.
     */
    public static final int MAX_FINDINGS = 100;

    public ApiProblem(ProblemType problemType, String detail, List<Finding> findings) {
        this(problemType, detail, findings, 0);
    }

    /**
     * @param alsoOmitted findings the caller already stopped collecting (it counted them instead),
     *                    added to those past {@link #MAX_FINDINGS} here
     */
    public ApiProblem(ProblemType problemType, String detail, List<Finding> findings, int alsoOmitted) {
        super(detail, null, false, false);
        this.problemType = problemType;
        List<Finding> all = findings == null ? List.of() : findings;
        this.findings = all.size() <= MAX_FINDINGS
                ? List.copyOf(all)
                : all.stream()
                        .sorted(Comparator.comparing((Finding f) -> f.severity() != Severity.ERROR))
                        .limit(MAX_FINDINGS)
                        .toList();
        this.findingsOmitted = all.size() - this.findings.size() + alsoOmitted;
    }

    public ApiProblem(ProblemType problemType, String detail) {
        this(problemType, detail, List.of());
    }

    public ProblemType problemType() {
        return problemType;
    }

    public int status() {
        return problemType.status();
    }

    public String type() {
        return problemType.type();
    }

    public String title() {
        return problemType.title();
    }

    public String detail() {
        return getMessage();
    }

    /** At most {@link #MAX_FINDINGS}. */
    public List<Finding> findings() {
        return findings;
    }

    /** How many findings were left out of {@link #findings()}. */
    public int findingsOmitted() {
        return findingsOmitted;
    }

    /** Extension members of the problem document, for clients to act on without parsing {@code detail}. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    /** Adds an extension member (a string, a number or a list of strings). */
    public ApiProblem with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /**
     * 409: the lifecycle does not allow the move. Says where the resource is and where it may go,
     * in the detail for people and as {@code currentState}, {@code requestedState} and
     * {@code allowed} for programs.
     *
     * @param aWhat the resource with its article, e.g. {@code "a referral"}
     */
    public static ApiProblem illegalTransition(String aWhat, String from, String to, List<String> allowed) {
        return new ApiProblem(
                        ProblemType.ILLEGAL_TRANSITION,
                        aWhat + " that is '" + from
                                + "' cannot become '" + to + "'; allowed from '" + from + "': "
                                + (allowed.isEmpty() ? "none (it is closed)" : String.join(", ", allowed)))
                .with("currentState", from)
                .with("requestedState", to)
                .with("allowed", List.copyOf(allowed));
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "there is no " + what + " '" + id + "'");
    }

    public static ApiProblem badParameter(String name, String rule) {
        return new ApiProblem(ProblemType.BAD_PARAMETER, "query parameter '" + name + "': " + rule);
    }
}
