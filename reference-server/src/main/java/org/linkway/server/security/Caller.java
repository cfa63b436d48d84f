package org.linkway.server.security;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, as its verified token says.
 *
 * @param subject      the person or system ({@code sub})
 * @param organisation ODS code or registered charity number ({@code org})
 * @param role         what the organisation does in the journey ({@code role})
 * @param lead         the token's {@code lead} claim is {@code true}: in a link worker service, its lead, who
 *                     sees the counts of every link worker's caseload
 */
public record Caller(String subject, String organisation, Role role, boolean lead) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }

    public Caller(String subject, String organisation, Role role) {
        this(subject, organisation, role, false);
    }

    /** The server's own background work, e.g. the webhook dispatcher. */
    public static final Caller SYSTEM = new Caller("system", "linkway", Role.ADMIN);

    /** The caller a request was authenticated as; empty on a public route. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(Security.CALLER));
    }

    public boolean is(Role r) {
        return role == r;
    }
}
