package org.linkway.server.http;

import java.util.List;

import org.linkway.validation.Finding;

/**
 * A request the server refuses, thrown from anywhere in a handler and turned into an
 * {@code application/problem+json} document in one place ({@link Problems}).
 * The type is a stable URN clients can switch on; the detail is for people.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Finding> findings;

    public ApiProblem(int status, String type, String title, String detail, List<Finding> findings) {
        super(detail, null, false, false);
        this.status = status;
        this.type = "urn:linkway:problem:" + type;
        this.title = title;
        this.findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public List<Finding> findings() { return findings; }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not-found", "Not found", "there is no " + what + " '" + id + "'");
    }

    public static ApiProblem badParameter(String name, String rule) {
        return new ApiProblem(400, "bad-parameter", "Bad parameter", "query parameter '" + name + "': " + rule);
    }
}
