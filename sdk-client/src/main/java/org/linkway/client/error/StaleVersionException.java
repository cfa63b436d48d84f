package org.linkway.client.error;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} ETag you sent is no longer the current version (412
 * {@code stale-version}): someone changed the resource after you read it. Read it again,
 * reapply your change and retry with the new ETag.
 *
 * <pre>{@code
 * try {
 *     plans.update(plan, etag);
 * } catch (StaleVersionException e) {
 *     Versioned<CarePlan> fresh = plans.get();
 *     plans.update(merge(fresh.value(), plan), fresh.etag());
 * }
 * }</pre>
 */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;
    private static final Pattern CURRENT = Pattern.compile("is at version ([0-9]{1,18})");

    public StaleVersionException(Problem problem) {
        super(problem);
    }

    /**
     * The version the resource is at now, when the server said so: the problem's
     * {@code currentVersion} member, or else the detail ({@code ... is at version 3 ...}); not
     * every stale answer names it.
     */
    public Optional<Long> currentVersion() {
        Object member = problem().map(p -> p.members().get("currentVersion")).orElse(null);
        if (member instanceof Long version) {
            return Optional.of(version);
        }
        return problem()
                .map(Problem::detail)
                .map(CURRENT::matcher)
                .filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1)));
    }
}
