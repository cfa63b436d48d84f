package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtilityClassShapeTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                NhsNumber.class,
                OdsCode.class,
                SnomedConceptId.class,
                UkPostcode.class,
                EmailFormat.class,
                TelephoneFormat.class
            })
    void isAPublicFinalClassThatCannotBeInstantiated(Class<?> type) {
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        assertThat(constructors).hasSize(1);
        assertThat(Modifier.isPrivate(constructors[0].getModifiers())).isTrue();
        assertThat(Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic()))
                .allMatch(m -> Modifier.isStatic(m.getModifiers()));
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                NhsNumber.class,
                OdsCode.class,
                SnomedConceptId.class,
                UkPostcode.class,
                EmailFormat.class,
                TelephoneFormat.class
            })
    void hasTheSharedCheckApi(Class<?> type) throws NoSuchMethodException {
        Method isValid = type.getMethod("isValid", String.class);
        Method problem = type.getMethod("problem", String.class);
        assertThat(isValid.getReturnType()).isEqualTo(boolean.class);
        assertThat(problem.getReturnType()).isEqualTo(Optional.class);
        assertThat(Modifier.isStatic(isValid.getModifiers()) && Modifier.isStatic(problem.getModifiers()))
                .isTrue();
    }
}
