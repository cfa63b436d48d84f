package org.linkway.client.error;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lifecycle does not allow that move (409 {@code illegal-transition}), e.g. completing a
 * referral that was never accepted. {@link #currentState()} and {@link #allowed()} say where the
 * resource is and where it may go, as the server reported them.
 *
 * <pre>{@code
 * try {
 *     referrals.transition(received, Referral.Status.COMPLETED);
 * } catch (IllegalTransitionException e) {
 *     System.out.println("it is " + e.currentState().orElse("?") + "; allowed: " + e.allowed());
 * }
 * }</pre>
 */
public class IllegalTransitionException extends ConflictException {

    private static final long serialVersionUID = 1L;
    // the server's detail: "... that is 'received' cannot become 'completed'; allowed from 'received': a, b"
    private static final Pattern DETAIL =
            Pattern.compile("that is '([^']+)' cannot become '([^']+)'; allowed[^:]*: (.*)$");

    public IllegalTransitionException(Problem problem) {
        super(problem);
    }

    private Optional<Matcher> parsed() {
        return problem().map(Problem::detail).map(DETAIL::matcher).filter(Matcher::find);
    }

    /** The state the resource is in, e.g. {@code received}, when the server named it. */
    public Optional<String> currentState() {
        Optional<String> member = problem().flatMap(p -> p.member("currentState"));
        return member.isPresent() ? member : parsed().map(m -> m.group(1));
    }

    /** The state that was asked for, when the server named it. */
    public Optional<String> requestedState() {
        Optional<String> member = problem().flatMap(p -> p.member("requestedState"));
        return member.isPresent() ? member : parsed().map(m -> m.group(2));
    }

    /**
     * The states allowed from the current one; empty when it is closed or the server did not list
     * them. Read from the problem's {@code allowed} member, or else from its detail text (servers
     * before that member was added).
     */
    public List<String> allowed() {
        Object member = problem().map(p -> p.members().get("allowed")).orElse(null);
        if (member instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return parsed().map(m -> m.group(3).strip())
                .filter(list -> !list.startsWith("none"))
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
