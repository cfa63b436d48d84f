package org.linkway.server.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which role may call which route, in one table. Every route the server registers must match a
 * rule here (the matrix test enforces it); a route that matches none is for admins only, so a
 * new endpoint is closed until someone decides who may use it.
 *
 * <p>The table says which roles may call a route at all. Whether the caller may touch the
 * particular referral or onward referral the path names is decided by {@link AccessDecider},
 * from the stored documents.
 */
public final class AccessPolicy {

    /** What a route's path names, which decides what must be looked up before access is decided. */
    public enum Scope {
        /** No personal data: health, the contract. No token needed. */
        PUBLIC,
        /** {@code /v1/referrals/{id}} and everything under it. */
        REFERRAL,
        /** {@code /v1/onward-referrals/{id}} and everything under it. */
        ONWARD_REFERRAL,
        /** A collection whose items are filtered to what the caller may see. */
        FILTERED_COLLECTION,
        /** Creating a referral: the body must be the caller's own. */
        REFERRAL_INTAKE,
        /** Creating a referral from a FHIR Bundle: the converted referral must be the caller's own. */
        FHIR_INTAKE,
        /** {@code GET /fhir/R4/Task?focus=}: finds nothing when the focus is not the caller's referral. */
        TASK_SEARCH,
        /**
         * A referral's message back ({@code /v1/referrals/{id}/message-back} and its FHIR document):
         * besides those who may see the referral, addressed to its registered GP practice, and to
         * each recipient only in the view the person's consent allows.
         */
        MESSAGE_BACK,
        /** {@code GET /v1/message-backs}: the message backs addressed to the caller, filtered by the database query. */
        MESSAGE_BACK_LIST,
        /** Server-wide, no per-item filtering: the roles listed only. */
        ROLE_ONLY
    }

    /** One rule: method, Javalin path pattern ({@code /**} matches anything below), scope, roles allowed. */
    public record Rule(String method, String pattern, Scope scope, Set<Role> roles) {
        boolean matches(String m, String path) {
            return (method.equals("*") || method.equalsIgnoreCase(m))
                    && regex(pattern).matcher(path).matches();
        }
    }

    private static final Set<Role> REFERRAL_READERS = EnumSet.of(Role.REFERRER, Role.LINK_WORKER, Role.ADMIN);
    private static final Set<Role> LINK_WORKER = EnumSet.of(Role.LINK_WORKER, Role.ADMIN);
    private static final Set<Role> ONWARD = EnumSet.of(Role.LINK_WORKER, Role.PROVIDER, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    /** First match wins, so specific rules come before the catch-alls under them. */
    public static final List<Rule> RULES = List.of(
            new Rule("GET", "/health", Scope.PUBLIC, ALL),
            new Rule("GET", "/openapi.json", Scope.PUBLIC, ALL),
            new Rule("GET", "/json/{file}", Scope.PUBLIC, ALL),
            // the web pages and the open validation (docs/WEB.md): nothing stored is shown, nothing sent is kept
            new Rule("GET", "/", Scope.PUBLIC, ALL),
            new Rule("GET", "/inspector", Scope.PUBLIC, ALL),
            new Rule("POST", "/inspector", Scope.PUBLIC, ALL),
            new Rule("POST", "/v1/$validate", Scope.PUBLIC, ALL),
            new Rule("GET", "/assets/{file}", Scope.PUBLIC, ALL),
            new Rule("GET", "/assets/images/{file}", Scope.PUBLIC, ALL),
            new Rule(
                    "POST",
                    "/v1/referrals",
                    Scope.REFERRAL_INTAKE,
                    EnumSet.of(Role.REFERRER, Role.LINK_WORKER, Role.ADMIN)),
            new Rule("GET", "/v1/referrals", Scope.FILTERED_COLLECTION, REFERRAL_READERS),
            new Rule("GET", "/v1/referrals/{id}", Scope.REFERRAL, REFERRAL_READERS),
            // a GP practice's token is a referrer's: it reads the message back about its patient, nothing else of the
            // referral
            new Rule("GET", "/v1/referrals/{id}/message-back", Scope.MESSAGE_BACK, REFERRAL_READERS),
            new Rule("GET", "/v1/message-backs", Scope.MESSAGE_BACK_LIST, REFERRAL_READERS),
            new Rule("GET", "/v1/referrals/{id}/events", Scope.REFERRAL, REFERRAL_READERS),
            // a referrer may cancel its own referral (AccessDecider checks the target); the rest is the link worker's
            new Rule("POST", "/v1/referrals/{id}/transitions", Scope.REFERRAL, REFERRAL_READERS),
            // a hospital team records the stay its referral is about, the link worker service what it did (issue 25)
            new Rule("*", "/v1/referrals/{id}/hospital-discharge", Scope.REFERRAL, REFERRAL_READERS),
            new Rule("GET", "/v1/referrals/{id}/hospital-discharge/**", Scope.REFERRAL, REFERRAL_READERS),
            new Rule("*", "/v1/referrals/{id}/**", Scope.REFERRAL, LINK_WORKER),
            // a link worker's own caseload (the database query keeps the caller's assigned open referrals) and the
            // counts per link worker for the service's lead (the route asks for the token's lead claim)
            new Rule("GET", "/v1/caseload", Scope.FILTERED_COLLECTION, LINK_WORKER),
            new Rule("GET", "/v1/caseload/summary", Scope.ROLE_ONLY, LINK_WORKER),
            // a provider's inbox (those addressed to it, while consent covers them), a link worker service's onward
            // referrals: the database query keeps the caller's, the answer is filtered and cut to the view again
            new Rule("GET", "/v1/onward-referrals", Scope.FILTERED_COLLECTION, ONWARD),
            new Rule("*", "/v1/onward-referrals/{id}", Scope.ONWARD_REFERRAL, ONWARD),
            new Rule("*", "/v1/onward-referrals/{id}/**", Scope.ONWARD_REFERRAL, ONWARD),
            // a provider's inbox: only its own onward referrals' events, while consent covers it
            // (AccessDecider.filterList)
            new Rule(
                    "GET",
                    "/v1/events",
                    Scope.FILTERED_COLLECTION,
                    EnumSet.of(Role.REFERRER, Role.LINK_WORKER, Role.PROVIDER, Role.ADMIN)),
            // a subscription URL receives personal data and makes the server call out (SSRF): admins only
            new Rule("*", "/v1/subscriptions", Scope.ROLE_ONLY, ADMIN),
            new Rule("*", "/v1/subscriptions/**", Scope.ROLE_ONLY, ADMIN),
            new Rule("*", "/v1/reports", Scope.ROLE_ONLY, EnumSet.of(Role.COMMISSIONER, Role.ADMIN)),
            new Rule("*", "/v1/reports/**", Scope.ROLE_ONLY, EnumSet.of(Role.COMMISSIONER, Role.ADMIN)),
            new Rule("*", "/v1/audit/**", Scope.ROLE_ONLY, ADMIN),
            // the service directory: no personal data; every role searches and reads it, an admin or a link worker
            // service curates it (import, retire)
            new Rule("GET", "/v1/directory/**", Scope.ROLE_ONLY, ALL),
            new Rule("POST", "/v1/directory/**", Scope.ROLE_ONLY, LINK_WORKER),
            // a link worker service's own time rules (the route keeps it to the caller's organisation; an admin names
            // one)
            new Rule("*", "/v1/time-rules", Scope.ROLE_ONLY, LINK_WORKER),
            // a scheme's spreadsheet of referrals (issue 25): a link worker service imports its own history, every
            // referral addressed to the caller's organisation by the route; an admin has no service to import for
            new Rule("POST", "/v1/imports", Scope.ROLE_ONLY, EnumSet.of(Role.LINK_WORKER)),
            // the FHIR facade: the same referrals, the same checks; what it says it serves is public
            new Rule("GET", "/fhir/R4/metadata", Scope.PUBLIC, ALL),
            new Rule("GET", "/fhir/R4/ServiceRequest/{id}", Scope.REFERRAL, REFERRAL_READERS),
            new Rule("GET", "/fhir/R4/Task/{id}", Scope.REFERRAL, REFERRAL_READERS),
            // the message back as a FHIR document: the same recipients and views as the JSON form
            new Rule("GET", "/fhir/R4/Composition/{id}", Scope.MESSAGE_BACK, REFERRAL_READERS),
            new Rule("GET", "/fhir/R4/Bundle/{id}", Scope.MESSAGE_BACK, REFERRAL_READERS),
            // the converted referral is checked exactly as POST /v1/referrals checks its body
            new Rule(
                    "POST",
                    "/fhir/R4/Bundle",
                    Scope.FHIR_INTAKE,
                    EnumSet.of(Role.REFERRER, Role.LINK_WORKER, Role.ADMIN)),
            // a referral sent the BaRS way: the converted referral is checked as above, and the message's sender must
            // be the caller's organisation (MessageSenders)
            new Rule("POST", "/fhir/R4/$process-message", Scope.FHIR_INTAKE, EnumSet.of(Role.REFERRER, Role.ADMIN)),
            new Rule("GET", "/fhir/R4/Task", Scope.TASK_SEARCH, REFERRAL_READERS),
            // appointments (issue 19): a link worker's calendar feeds are the link worker's own (feeds are kept per
            // token
            // subject); the feed itself is read by a calendar program, which cannot send a bearer token, so it is
            // authenticated by the secret in its URL (CalendarFeedRoutes), not here
            new Rule("*", "/v1/calendar-feeds", Scope.ROLE_ONLY, LINK_WORKER),
            new Rule("*", "/v1/calendar-feeds/{feedId}", Scope.ROLE_ONLY, LINK_WORKER),
            new Rule("GET", "/v1/appointments.ics", Scope.PUBLIC, ALL),
            // the server's public signing keys: nothing personal, and receivers need them unauthenticated
            new Rule("GET", Security.JWKS_PATH, Scope.PUBLIC, ALL));

    /** What no rule covers: admins only. */
    public static final Rule FALLBACK = new Rule("*", "/**", Scope.ROLE_ONLY, ADMIN);

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private AccessPolicy() {}

    /** The rule for a request, or {@link #FALLBACK}. */
    public static Rule ruleFor(String method, String path) {
        return explicitRuleFor(method, path).orElse(FALLBACK);
    }

    /** The rule written for a route, empty if only the fallback covers it. */
    public static Optional<Rule> explicitRuleFor(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        // HEAD reads what GET reads
        String effective = m.equals("HEAD") ? "GET" : m;
        return RULES.stream().filter(r -> r.matches(effective, path)).findFirst();
    }

    /** The path parameters of a rule's pattern in a concrete path, e.g. {@code id}. */
    public static Map<String, String> pathParams(Rule rule, String path) {
        Matcher m = regex(rule.pattern()).matcher(path);
        Map<String, String> out = new LinkedHashMap<>();
        if (m.matches()) {
            for (String name : names(rule.pattern())) {
                out.put(name, m.group(name));
            }
        }
        return out;
    }

    private static Pattern regex(String pattern) {
        return COMPILED.computeIfAbsent(pattern, p -> {
            String body = p.endsWith("/**") ? p.substring(0, p.length() - 3) : p;
            StringBuilder re = new StringBuilder();
            Matcher m = Pattern.compile("\\{([A-Za-z]+)}|<([A-Za-z]+)>").matcher(body);
            int last = 0;
            while (m.find()) {
                re.append(Pattern.quote(body.substring(last, m.start())));
                re.append("(?<")
                        .append(m.group(1) != null ? m.group(1) : m.group(2))
                        .append(">[^/]+)");
                last = m.end();
            }
            re.append(Pattern.quote(body.substring(last)));
            if (p.endsWith("/**")) {
                re.append("/.+");
            }
            return Pattern.compile(re.toString());
        });
    }

    private static List<String> names(String pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
