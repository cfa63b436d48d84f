package org.linkway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * The generated types are what vendors code against: immutable from outside (builders, getters,
 * no setters), and carrying the schema's constraints as Jakarta Validation annotations that
 * Hibernate Validator enforces.
 */
class GeneratedTypesTest {

    private final Validator beanValidator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void message_types_expose_builders_and_no_setters() {
        for (MessageType type : MessageType.values()) {
            Class<?> c = type.javaType();
            assertThat(Modifier.isPublic(c.getModifiers())).isTrue();
            assertThat(c.getMethods()).extracting(Method::getName).contains("builder").noneMatch(n -> n.startsWith("set"));
        }
        assertThat(PersonName.class.getMethods()).extracting(Method::getName).noneMatch(n -> n.startsWith("set"));
    }

    @Test
    void hibernate_validator_enforces_the_schema_constraints_on_built_objects() {
        PersonName noFamilyName = PersonName.builder().withFirstNames(List.of("Ada")).withFullName("x".repeat(71)).build();
        PersonDemographics person = PersonDemographics.builder().withName(noFamilyName).build(); // no date of birth either

        Set<ConstraintViolation<PersonDemographics>> violations = beanValidator.validate(person);

        // lengths of strings inside lists are not annotated by the generator; MessageValidator checks those
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("name.familyNames", "name.fullName", "dateOfBirth");
    }

    @Test
    void a_valid_built_object_has_no_violations() {
        PersonDemographics person = PersonDemographics.builder()
                .withName(PersonName.builder().withFirstNames(List.of("Ada")).withFamilyNames(List.of("Thornbury")).build())
                .withDateOfBirth(LocalDate.of(1958, 4, 17)).build();
        assertThat(beanValidator.validate(person)).isEmpty();
    }
}
