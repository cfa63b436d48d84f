package org.linkway.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public API contract of a published artifact, run by a test class in its module:
 *
 * <pre>
 * class PublicApiTest extends PublishedApiContract {
 *     PublicApiTest() { super("linkway-sdk-model"); }
 * }
 * </pre>
 *
 * It checks the module's main classes (target/classes) against the rules in {@link ApiRules}
 * and its public API against {@code api/<artifactId>.api}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublishedApiContract {

    private final String artifactId;
    private final Map<String, String> allowedForeignInternals;
    private final ModuleClasses module = ModuleClasses.current();
    private JavaClasses classes;

    protected PublishedApiContract(String artifactId) {
        this(artifactId, Map.of());
    }

    /**
     * @param allowedForeignInternals other artifacts' internal classes this one may still use
     *        (outermost class name to the reason); keep it empty if at all possible
     */
    protected PublishedApiContract(String artifactId, Map<String, String> allowedForeignInternals) {
        this.artifactId = artifactId;
        this.allowedForeignInternals = Map.copyOf(allowedForeignInternals);
    }

    private JavaClasses classes() {
        if (classes == null) {
            classes = module.importMain();
        }
        return classes;
    }

    @Test
    void internal_classes_have_no_public_or_protected_constructor() {
        ApiRules.internalConstructorsAreNotPublic().check(classes());
    }

    @Test
    void main_code_uses_no_other_artifacts_internal_classes() {
        ApiRules.noForeignInternals(classes(), allowedForeignInternals.keySet()).check(classes());
    }

    @Test
    void public_signatures_name_only_the_jdk_public_linkway_types_and_allowed_libraries() {
        ApiRules.publicSignaturesExposeOnlyAllowedTypes().check(classes());
    }

    @Test
    void features_and_their_subpackages_have_no_cycles() {
        ApiRules.noCyclesBetweenFeatures().check(classes());
        ApiRules.noCyclesBetweenSubpackages().check(classes());
    }

    @Test
    void no_pending_exception_outlives_the_breach_it_excuses() {
        List<String> stale = ApiRules.stalePendingEntries(classes());
        assertTrue(
                stale.isEmpty(), () -> "remove from org.linkway.apicheck.PublicApi:\n  " + String.join("\n  ", stale));
    }

    @Test
    void the_public_api_matches_the_checked_in_api_file() {
        ApiFile file = ApiFile.in(module.moduleDir, artifactId);
        ApiFile.Difference difference = file.check(
                ApiSignature.of(module.classesDir, Thread.currentThread().getContextClassLoader()),
                Boolean.getBoolean(ApiFile.REGENERATE));
        assertTrue(difference.isEmpty(), () -> difference.describe(file));
    }
}
