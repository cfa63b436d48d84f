package org.linkway.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures a {@link LinkwayConformanceTests} subclass: which server and which profiles.
 * Any value can instead come from a system property, so CI can point the same test class at
 * another server: {@code linkway.baseUrl}, {@code linkway.profiles}, {@code linkway.token},
 * {@code linkway.token.other-org}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LinkwayConformance {

    /** The server's base URL; empty to read the system property {@code linkway.baseUrl}. */
    String baseUrl() default "";

    /** The claimed profiles, e.g. {@code {"referral-receiver", "feedback"}}. */
    String[] profiles() default {};

    /** A bearer token for every role; empty for none (the security tests are then skipped). */
    String token() default "";

    /** A token of a second organisation, for the cross-organisation tests. */
    String otherOrgToken() default "";

    /** Only these test or requirement ids (for a quick check; a partial run shows no conformance). */
    String[] only() default {};

    /** Generated messages per fuzzing test. */
    int fuzzTries() default 25;
}
