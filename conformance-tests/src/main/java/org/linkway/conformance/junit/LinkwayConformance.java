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
 * {@code linkway.token.other-org}, {@code linkway.token.gp-practice}, {@code linkway.gp-practice-code},
 * {@code linkway.token.referrer}, {@code linkway.referrer-code}.
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

    /** A token of the person's registered GP practice, for the message back tests; empty to skip them. */
    String gpPracticeToken() default "";

    /** The GP practice's ODS code; empty to read it from the org claim of its token. */
    String gpPracticeCode() default "";

    /** A token of the referring organisation, for the referrer's side of the message back. */
    String referrerToken() default "";

    /** The referrer's ODS code; empty to read it from the org claim of its token. */
    String referrerCode() default "";

    /** Only these test or requirement ids (for a quick check; a partial run shows no conformance). */
    String[] only() default {};

    /** Generated messages per fuzzing test. */
    int fuzzTries() default 25;
}
