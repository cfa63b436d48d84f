package org.linkway.conformance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.model.ProblemType;
import tools.jackson.databind.JsonNode;

/**
 * What a test works with: HTTP to the server as each role, the assertions that turn an answer
 * into a pass or a failure naming the exchange, and the messages seen so far (for the
 * message-format profile).
 */
public final class Ctx {

    /** A message the server emitted during the run, kept for offline validation. */
    public record Emitted(String where, String body) {}

    private final KitConfig config;
    private final Http http;
    private final boolean claimed;
    private final List<Emitted> emitted;
    private final Map<String, Object> shared;
    private final List<String> requirements;
    private final Set<String> judged = new LinkedHashSet<>();
    private String current;

    Ctx(
            KitConfig config,
            Http http,
            boolean claimed,
            List<Emitted> emitted,
            Map<String, Object> shared,
            List<String> requirements) {
        this.config = config;
        this.http = http;
        this.claimed = claimed;
        this.emitted = emitted;
        this.shared = shared;
        this.requirements = List.copyOf(requirements);
        this.current = this.requirements.get(0);
    }

    /**
     * Runs {@code checks} as checks of {@code requirement}: a check that fails inside blames that
     * requirement alone. Outside any such scope a check is about the test's first requirement.
     */
    public void requirement(String requirement, Runnable checks) {
        about(requirement, () -> {
            checks.run();
            return null;
        });
    }

    /** As {@link #requirement(String, Runnable)}, returning what {@code checks} returns. */
    public <T> T about(String requirement, Supplier<T> checks) {
        String outer = current;
        current = known(requirement);
        judged.add(current);
        T value = checks.get();
        // on a failure the scope is left as it was, so the runner blames the requirement being checked
        current = outer;
        return value;
    }

    /** The requirement checks are about at this moment (the runner blames it for an exception). */
    String currentRequirement() {
        return current;
    }

    /** The requirements at least one check was made of. */
    Set<String> judged() {
        return Collections.unmodifiableSet(judged);
    }

    private String known(String requirement) {
        if (!requirements.contains(requirement)) {
            throw new IllegalArgumentException(
                    "a check names " + requirement + ", which its test does not verify " + requirements);
        }
        return requirement;
    }

    /**
     * Something several tests of one run look at, made once: the first test to ask makes it, the
     * others read it. If making it failed, each test that asks fails the same way, so a test never
     * passes on something it did not see. Tests each check one requirement of the shared thing.
     */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Function<Ctx, T> make) {
        Object known = shared.get(key);
        if (known == null) {
            try {
                known = make.apply(this);
            } catch (CheckFailed | Verdict | Http.Unreachable e) {
                known = e;
            }
            shared.put(key, known);
        }
        if (known instanceof RuntimeException e) {
            throw e;
        }
        return (T) known;
    }

    public KitConfig config() {
        return config;
    }

    /** HTTP as the link worker's service (the default token). */
    public Http http() {
        return http(KitConfig.DEFAULT_ROLE);
    }

    /**
     * HTTP as a role. When the run has tokens but none for this role (nor a default one), the
     * test is skipped naming the option to give, so a vendor can run with only its own role's token.
     */
    public Http http(String role) {
        Optional<String> t = config.token(role);
        if (t.isEmpty() && config.hasTokens() && !KitConfig.OWN_ONLY.contains(role)) {
            throw skip(
                    role.equals(KitConfig.DEFAULT_ROLE)
                            ? "no token for the link worker's service (give --token)"
                            : "no token for the " + role + " role (give --token-" + role + " or --token)");
        }
        return http.as(t.orElse(null));
    }

    /** HTTP with no credentials at all. */
    public Http anonymous() {
        return http.as(null);
    }

    public boolean profileClaimed() {
        return claimed;
    }

    /** A check of the requirement in scope (the test's first, unless {@link #requirement} says another). */
    public void check(boolean ok, String format, Object... args) {
        judged.add(current);
        if (!ok) {
            throw new CheckFailed(current, String.format(format, args));
        }
    }

    /** A check of {@code requirement}: if it fails, only that requirement is blamed. */
    public void check(String requirement, boolean ok, String format, Object... args) {
        requirement(requirement, () -> check(ok, format, args));
    }

    /** Fails unless the answer's status is one of {@code expected}, naming the exchange and body. */
    public Http.Answer expect(Http.Answer a, int... expected) {
        judged.add(current);
        if (Arrays.stream(expected).noneMatch(s -> s == a.status())) {
            throw new CheckFailed(
                    current,
                    "expected " + (expected.length == 1 ? String.valueOf(expected[0]) : Arrays.toString(expected))
                            + ": " + a.describeWithBody());
        }
        return a;
    }

    /**
     * Fails unless the answer is an RFC 9457 problem document (application/problem+json) whose type
     * is one of the contract's problem types ({@link ProblemType}) with the status it gives.
     */
    public JsonNode expectProblem(Http.Answer a, int status) {
        expect(a, status);
        String type = a.header("Content-Type");
        check(
                type != null && type.startsWith("application/problem+json"),
                "%s: Content-Type is %s, not application/problem+json",
                a.describe(),
                type);
        JsonNode problem = a.json();
        check(
                problem.path("type").isString() && problem.path("status").asInt() == status,
                "%s: the problem has no type or a status other than %d: %s",
                a.describe(),
                status,
                Http.abbreviate(a.body()));
        String problemType = problem.path("type").asString();
        Optional<ProblemType> known = ProblemType.fromType(problemType);
        check(
                known.isPresent(),
                "%s: problem type %s is not one of the contract's problem types",
                a.describe(),
                problemType);
        check(
                known.get().status() == status,
                "%s: problem type %s answers %d in the contract, not %d",
                a.describe(),
                problemType,
                known.get().status(),
                status);
        return problem;
    }

    public Verdict skip(String reason) {
        return new Verdict(Outcome.SKIP, reason);
    }

    public Verdict omit(String reason) {
        return new Verdict(Outcome.OMIT, reason);
    }

    /**
     * An optional endpoint answering 404, 501 or 503 is "not implemented" (the Open Referral UK
     * rule): omitted when its profile is not claimed, a failure when it is.
     */
    public void optionalEndpoint(Http.Answer a, Profile profile) {
        if (a.status() == 404 || a.status() == 501 || a.status() == 503) {
            if (claimed) {
                throw new CheckFailed(
                        current,
                        "profile " + profile.id() + " is claimed but " + a.describe() + " says it is not implemented");
            }
            throw omit("not implemented: " + a.describe() + " (profile " + profile.id() + " not claimed)");
        }
    }

    /**
     * Keeps the webhook deliveries the kit's receiver got among this test's exchanges, so a report
     * shows what was pushed (each delivery once, in the order it came, with the kit's answer).
     */
    public void delivered(WebhookReceiver receiver) {
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            d.headers().forEach((k, v) -> headers.put(k, List.of(v)));
            http.received("POST", receiver.url(), d.answeredWith(), headers, d.text());
        }
    }

    /** Keeps a message the server emitted, for the message-format profile. */
    public void emitted(String where, String body) {
        synchronized (emitted) {
            emitted.add(new Emitted(where, body));
        }
    }

    public List<Emitted> emittedSoFar() {
        synchronized (emitted) {
            return Collections.unmodifiableList(new ArrayList<>(emitted));
        }
    }
}
