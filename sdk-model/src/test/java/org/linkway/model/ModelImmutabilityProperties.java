package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.ModelTypes.Member;
import org.linkway.model.json.LinkwayJson;

/**
 * Every generated model type, found by reflection, is immutable in the ways a caller can try:
 * lists given to a builder are copied, lists from getters cannot be changed, a builder used again
 * does not reach objects it built, {@code build()} names every missing required member, and JSON
 * round-trips. Instances are random with every member present (QuickTheories, fixed seeds).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ModelImmutabilityProperties {

    private static final int EXAMPLES = 20;
    /** A full Referral is hundreds of objects: a few shrink steps say enough, hundreds take minutes. */
    private static final int SHRINKS = 20;

    static Stream<Class<?>> types() {
        return ModelTypes.all().stream();
    }

    @Test
    void every_schema_type_is_found() {
        // the generated message classes and the classes they reach, including the hospital stay (a Linkway
        // extension); fewer means the scan missed some
        assertThat(ModelTypes.all())
                .hasSize(87)
                .contains(Referral.class, PersonName.class, ItemResponse.class, HospitalDischarge.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void the_shape_allows_no_change(Class<?> type) {
        assertThat(Modifier.isFinal(type.getModifiers())).as("final class").isTrue();
        assertThat(type.getConstructors()).as("public constructors").isEmpty();
        for (Field f : type.getDeclaredFields()) {
            assertThat(Modifier.isPrivate(f.getModifiers()) && Modifier.isFinal(f.getModifiers()))
                    .as(f.toString())
                    .isTrue();
        }
        assertThat(type.getMethods()).noneMatch(m -> m.getName().startsWith("set"));
        Class<?> builder = ModelTypes.builderOf(type);
        assertThat(Modifier.isFinal(builder.getModifiers())).as("final builder").isTrue();
        assertThat(builder.getTypeParameters()).as("builder type parameters").isEmpty();
        assertThat(builder.getConstructors()).as("builder public constructors").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void lists_are_copied_in_and_cannot_be_changed_out(Class<?> type) {
        List<Member> lists =
                ModelTypes.members(type).stream().filter(Member::isList).toList();
        qt().withFixedSeed(16_001L)
                .withExamples(EXAMPLES)
                .withShrinkCycles(SHRINKS)
                .forAll(ModelTypes.full(type))
                .checkAssert(model -> {
                    for (Member m : lists) {
                        List<?> original = (List<?>) ModelTypes.get(model, m);
                        List<Object> mine = new ArrayList<>(original);
                        Object builder = ModelTypes.toBuilder(model);
                        ModelTypes.set(builder, m, mine);
                        Object built = ModelTypes.build(builder);
                        mine.clear();
                        assertThat((List<?>) ModelTypes.get(built, m))
                                .as(m.name())
                                .isEqualTo(original);
                        assertThat(built).isEqualTo(model);

                        List<?> out = (List<?>) ModelTypes.get(model, m);
                        assertThatThrownBy(out::clear).as(m.name()).isInstanceOf(UnsupportedOperationException.class);
                        assertThatThrownBy(() -> out.remove(0))
                                .as(m.name())
                                .isInstanceOf(UnsupportedOperationException.class);
                        assertThat((List<?>) ModelTypes.get(model, m)).isEqualTo(original);
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("types")
    void a_builder_used_again_does_not_reach_what_it_built(Class<?> type) {
        List<Member> members = ModelTypes.members(type);
        qt().withFixedSeed(16_002L)
                .withExamples(EXAMPLES)
                .withShrinkCycles(SHRINKS)
                .forAll(ModelTypes.full(type), ModelTypes.full(type))
                .checkAssert((model, other) -> {
                    Object builder = ModelTypes.toBuilder(model);
                    Object first = ModelTypes.build(builder);
                    Object second = ModelTypes.build(builder);
                    assertThat(first).isEqualTo(model).isEqualTo(second).isNotSameAs(second);
                    assertThat(first.hashCode()).isEqualTo(model.hashCode());
                    assertThat(first.toString()).isEqualTo(model.toString());
                    for (Member m : members) {
                        ModelTypes.set(builder, m, ModelTypes.get(other, m));
                    }
                    assertThat(ModelTypes.build(builder)).isEqualTo(other);
                    assertThat(first).isEqualTo(model);
                });
    }

    @ParameterizedTest
    @MethodSource("types")
    void build_names_every_missing_required_member(Class<?> type) {
        // every member cleared: build() must name exactly the members the schema requires, defaults included
        List<String> required = List.of();
        Object[] sample = new Object[1];
        qt().withFixedSeed(16_007L)
                .withExamples(1)
                .forAll(ModelTypes.full(type))
                .checkAssert(m -> sample[0] = m);
        Object cleared = ModelTypes.toBuilder(sample[0]);
        for (Member m : ModelTypes.members(type)) {
            ModelTypes.set(cleared, m, null);
        }
        try {
            ModelTypes.build(cleared);
        } catch (IncompleteModelException e) {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage())
                    .startsWith(type.getSimpleName() + " is missing required")
                    .contains(e.missing());
            required = e.missing();
        }
        assertThat(required).isEqualTo(SchemaRequired.of(type));
        List<String> expected = required;
        qt().withFixedSeed(16_003L)
                .withExamples(5)
                .withShrinkCycles(SHRINKS)
                .forAll(ModelTypes.full(type))
                .checkAssert(model -> {
                    for (Member m : ModelTypes.members(type)) {
                        Object builder = ModelTypes.toBuilder(model);
                        ModelTypes.set(builder, m, null);
                        if (expected.contains(m.name())) {
                            assertThatThrownBy(() -> ModelTypes.build(builder))
                                    .isInstanceOfSatisfying(
                                            IncompleteModelException.class,
                                            e -> assertThat(e.missing()).containsExactly(m.name()));
                        } else {
                            assertThat(ModelTypes.build(builder)).isNotNull();
                        }
                        if (m.isList()) {
                            ModelTypes.set(builder, m, List.of());
                            try {
                                ModelTypes.build(builder);
                            } catch (IncompleteModelException e) {
                                assertThat(e.missing()).containsExactly(m.name());
                                assertThat(expected).contains(m.name());
                            }
                        }
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("types")
    void json_round_trip_gives_an_equal_object(Class<?> type) {
        qt().withFixedSeed(16_004L)
                .withExamples(EXAMPLES)
                .withShrinkCycles(SHRINKS)
                .forAll(ModelTypes.full(type))
                .checkAssert(model -> {
                    String json = LinkwayJson.mapper().writeValueAsString(model);
                    assertThat(LinkwayJson.mapper().readValue(json, type))
                            .as(json)
                            .isEqualTo(model);
                });
    }
}
