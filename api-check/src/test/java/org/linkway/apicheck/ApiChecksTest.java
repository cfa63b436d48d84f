package org.linkway.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkway.apicheck.cyclea.Left;
import org.linkway.apicheck.cycleb.Right;
import org.linkway.apicheck.fixture.Exposing;
import org.linkway.apicheck.fixture.internal.Leaky;
import org.linkway.apicheck.fixture.internal.Sealed;

/** The checks fail on code that breaks them, and pass on code that keeps them. */
class ApiChecksTest {

    private static final Path TEST_CLASSES = Path.of(System.getProperty("basedir", "."), "target", "test-classes");

    @Test
    void internal_is_a_whole_package_segment() {
        assertThat(PublicApi.isInternalPackage("org.linkway.fhir.internal")).isTrue();
        assertThat(PublicApi.isInternalPackage("org.linkway.fhir.internal.sections"))
                .isTrue();
        assertThat(PublicApi.isInternalPackage("org.linkway.internals")).isFalse();
        assertThat(PublicApi.isInternalPackage("org.linkway.fhir")).isFalse();
    }

    @Test
    void what_a_signature_may_name() {
        assertThat(PublicApi.mayExpose("org.linkway.model", "java.util.List")).isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.model", "int[]")).isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.model", "org.linkway.model.Referral"))
                .isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.model", "org.linkway.fhir.internal.Tree"))
                .isFalse();
        assertThat(PublicApi.mayExpose("org.linkway.model", "tools.jackson.databind.JsonNode"))
                .isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.client", "com.nimbusds.jose.JWSAlgorithm"))
                .isFalse();
        // a binding may name the model it binds to, and only the binding
        assertThat(PublicApi.mayExpose("org.linkway.fhir", "org.hl7.fhir.r4.model.Bundle"))
                .isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.fhir.sub", "org.hl7.fhir.r4.model.Bundle$BundleEntryComponent"))
                .isTrue();
        assertThat(PublicApi.mayExpose("org.linkway.client", "org.hl7.fhir.r4.model.Bundle"))
                .isFalse();
    }

    @Test
    void a_public_constructor_on_an_internal_class_fails_and_a_factory_passes() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        assertThatThrownBy(() -> ApiRules.internalConstructorsAreNotPublic().check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Leaky.<init>()");
        ApiRules.internalConstructorsAreNotPublic().check(new ClassFileImporter().importClasses(Sealed.class));
    }

    @Test
    void using_another_artifacts_internal_class_fails_unless_allowed() {
        JavaClasses user = new ClassFileImporter().importClasses(Exposing.class);
        assertThatThrownBy(() -> ApiRules.noForeignInternals(user, Set.of()).check(user))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Sealed.class.getName());
        ApiRules.noForeignInternals(user, Set.of(Sealed.class.getName())).check(user);
        JavaClasses both = new ClassFileImporter().importClasses(Exposing.class, Sealed.class);
        ApiRules.noForeignInternals(both, Set.of()).check(both);
    }

    @Test
    void an_internal_or_third_party_type_in_a_public_signature_fails() {
        JavaClasses exposing = new ClassFileImporter().importClasses(Exposing.class, Exposing.Nested.class);
        assertThatThrownBy(
                        () -> ApiRules.publicSignaturesExposeOnlyAllowedTypes().check(exposing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("internalInAGenericArgument() returns " + Sealed.class.getName())
                .hasMessageContaining("thirdParty() returns org.junit.jupiter.api.TestInfo")
                .hasMessageNotContaining("packagePrivateIsNotApi")
                .hasMessageNotContaining("fine()");
    }

    @Test
    void the_exposed_types_of_a_class_include_generic_arguments_and_pending_entries_only_go_stale_where_they_apply() {
        JavaClasses exposing = new ClassFileImporter().importClasses(Exposing.class, Exposing.Nested.class);
        assertThat(ApiRules.exposedTypes(exposing.get(Exposing.class)))
                .contains(
                        Sealed.class.getName(),
                        "org.junit.jupiter.api.TestInfo",
                        "java.util.Optional",
                        "java.lang.Object");
        // the pending entries name packages these classes are not in, so none is stale here
        assertThat(ApiRules.stalePendingEntries(exposing)).isEmpty();
    }

    @Test
    void a_cycle_between_subpackages_fails() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Left.class, Right.class);
        assertThatThrownBy(() -> ApiRules.noCyclesBetweenSubpackages().check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        ApiRules.noCyclesBetweenSubpackages().check(new ClassFileImporter().importClasses(Left.class));
    }

    @Test
    void the_signature_lists_reachable_members_with_generics_and_skips_internal_packages() {
        List<String> api = ApiSignature.of(TEST_CLASSES, getClass().getClassLoader());
        String exposing = Exposing.class.getName();
        assertThat(api)
                .contains(
                        exposing + " public class",
                        exposing + "#<init>() public",
                        exposing + "#fine(int, java.lang.String...) public java.util.Optional<java.lang.String>",
                        exposing + "#CONSTANT protected static final java.lang.String",
                        exposing + "$Nested public static final class <T extends java.lang.Comparable<T>>",
                        exposing
                                + "$Nested#map(java.util.function.Function<? super T, R>) public <R> R throws java.io.IOException");
        assertThat(api).noneMatch(l -> l.contains("packagePrivateIsNotApi") || l.startsWith(Sealed.class.getName()));
        assertThat(api).isSorted();
    }

    @Test
    void regenerating_writes_what_the_next_check_accepts(@TempDir Path module) {
        ApiFile file = ApiFile.in(module, "linkway-demo");
        List<String> api = List.of("a.B public class", "a.B#x() public int");
        assertThat(file.check(api, true).isEmpty()).isTrue();
        assertThat(file.check(api, false).isEmpty()).isTrue();
        assertThat(file.check(List.of("a.B public class"), false).removed()).containsExactly("a.B#x() public int");
    }

    @Test
    void the_file_comparison_names_breaking_removals_apart_from_additions(@TempDir Path module) throws Exception {
        ApiFile file = ApiFile.in(module, "linkway-demo");
        assertThat(file.check(List.of("a.B public class"), false).fileMissing()).isTrue();
        Files.createDirectories(file.path().getParent());
        Files.writeString(file.path(), "# comment\na.B public class\na.B#old() public void\n");
        ApiFile.Difference d = file.check(List.of("a.B public class", "a.B#added() public void"), false);
        assertThat(d.removed()).containsExactly("a.B#old() public void");
        assertThat(d.added()).containsExactly("a.B#added() public void");
        assertThat(d.describe(file))
                .contains(
                        "BREAKING",
                        "- a.B#old() public void",
                        "+ a.B#added() public void",
                        "-Dlinkway.regenerate=true",
                        "CHANGELOG");
        assertThat(file.check(List.of("a.B public class", "a.B#old() public void"), false)
                        .isEmpty())
                .isTrue();
    }
}
