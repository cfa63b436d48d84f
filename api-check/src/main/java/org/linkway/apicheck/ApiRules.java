package org.linkway.apicheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The ArchUnit rules behind the public API contract; {@link PublicApi} says what is public. */
public final class ApiRules {

    private ApiRules() {}

    /** (a) Nothing outside its package can construct an internal class except through a factory it chose to offer. */
    public static ArchRule internalConstructorsAreNotPublic() {
        DescribedPredicate<JavaClass> internalNotPending = DescribedPredicate.describe(
                "are in an internal package",
                c -> PublicApi.isInternalPackage(c.getPackageName())
                        && !PublicApi.PENDING_INTERNAL_CONSTRUCTORS.containsKey(c.getName()));
        return constructors()
                .that()
                .areDeclaredInClassesThat(internalNotPending)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .andShould()
                .notHaveModifier(JavaModifier.PROTECTED)
                .because("internal classes are not API: make the constructor package-private and, if another "
                        + "package must create one, add a static factory (docs/COMPATIBILITY.md)")
                .allowEmptyShould(true);
    }

    /**
     * (a) Main code uses no other artifact's internal classes. {@code own} is this artifact's
     * classes; {@code allowed} names foreign internal classes it may still use, each justified
     * where the caller lists it.
     */
    public static ArchRule noForeignInternals(JavaClasses own, Set<String> allowed) {
        Set<String> ownNames = own.stream().map(JavaClass::getName).collect(Collectors.toSet());
        DescribedPredicate<JavaClass> foreignInternal =
                DescribedPredicate.describe("are internal classes of another artifact", c -> {
                    JavaClass type = c.isArray() ? c.getBaseComponentType() : c;
                    return PublicApi.isInternalPackage(type.getPackageName())
                            && !ownNames.contains(type.getName())
                            && !allowed.contains(outermost(type).getName());
                });
        return noClasses()
                .should()
                .dependOnClassesThat(foreignInternal)
                .because("another artifact's internal packages may change in any release; use its public API")
                .allowEmptyShould(true);
    }

    /** (b) Public signatures name only the JDK, public Linkway types and the allowed third-party types. */
    public static ArchRule publicSignaturesExposeOnlyAllowedTypes() {
        return ArchRuleDefinition.classes()
                .that(areExported())
                .should(exposeOnlyAllowedTypes())
                .allowEmptyShould(true);
    }

    /** (c) Features (first package below org.linkway) and their subpackages do not depend on each other in a circle. */
    public static ArchRule noCyclesBetweenFeatures() {
        return slices().matching("org.linkway.(*)..")
                .should()
                .beFreeOfCycles()
                .as("features (org.linkway.<feature>) are free of cycles")
                .allowEmptyShould(true);
    }

    /** (c) Within a feature, its subpackages (internal, checks, error, ...) do not form cycles either. */
    public static ArchRule noCyclesBetweenSubpackages() {
        return slices().matching("org.linkway.*.(*)..")
                .should()
                .beFreeOfCycles()
                .as("subpackages of a feature (org.linkway.<feature>.<sub>) are free of cycles")
                .allowEmptyShould(true);
    }

    static DescribedPredicate<JavaClass> areExported() {
        return DescribedPredicate.describe(
                "are public API (reachable, outside internal packages)",
                c -> !PublicApi.isInternalPackage(c.getPackageName()) && isExported(c));
    }

    static boolean isExported(JavaClass c) {
        if (c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        Set<JavaModifier> m = c.getModifiers();
        if (m.contains(JavaModifier.SYNTHETIC)) {
            return false;
        }
        if (c.getEnclosingClass().isEmpty()) {
            return m.contains(JavaModifier.PUBLIC);
        }
        return (m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))
                && isExported(c.getEnclosingClass().get());
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> m = member.getModifiers();
        return (m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))
                && !m.contains(JavaModifier.SYNTHETIC)
                && !m.contains(JavaModifier.BRIDGE);
    }

    /**
     * Entries of {@link PublicApi#PENDING_EXPOSED} and {@link PublicApi#PENDING_INTERNAL_CONSTRUCTORS}
     * that this module's classes no longer need: the breach they excuse is gone, so they must go too.
     */
    public static List<String> stalePendingEntries(JavaClasses classes) {
        List<String> stale = new ArrayList<>();
        PublicApi.PENDING_INTERNAL_CONSTRUCTORS.keySet().stream().sorted().forEach(name -> {
            if (classes.contain(name)
                    && classes.get(name).getConstructors().stream().noneMatch(ApiRules::visible)) {
                stale.add(
                        "PENDING_INTERNAL_CONSTRUCTORS: " + name + " has no public or protected constructor any more");
            }
        });
        for (PublicApi.PackageAllowance pending : PublicApi.PENDING_EXPOSED) {
            List<JavaClass> owners = classes.stream()
                    .filter(c -> PublicApi.isSameOrSub(c.getPackageName(), pending.from())
                            && areExported().test(c))
                    .toList();
            boolean used = owners.stream()
                    .flatMap(c -> exposedTypes(c).stream())
                    .anyMatch(t -> PublicApi.isSameOrSub(PublicApi.packageOf(t), pending.exposes()));
            if (!owners.isEmpty() && !used) {
                stale.add("PENDING_EXPOSED: " + pending.from() + " no longer exposes " + pending.exposes());
            }
        }
        return stale;
    }

    /** Every type a class's public face names: supertypes and its visible members' signatures. */
    static Set<String> exposedTypes(JavaClass c) {
        Set<String> names = new TreeSet<>();
        Consumer<JavaType> add = t -> t.getAllInvolvedRawTypes()
                .forEach(r -> names.add(r.isArray() ? r.getBaseComponentType().getName() : r.getName()));
        c.getSuperclass().ifPresent(add);
        c.getInterfaces().forEach(add);
        c.getTypeParameters().forEach(add);
        for (JavaCodeUnit unit : c.getCodeUnits()) {
            if (visible(unit)) {
                add.accept(unit.getReturnType());
                unit.getParameterTypes().forEach(add);
                unit.getExceptionTypes().forEach(add);
                unit.getTypeParameters().forEach(add);
            }
        }
        c.getFields().stream().filter(ApiRules::visible).forEach(f -> add.accept(f.getType()));
        return names;
    }

    private static ArchCondition<JavaClass> exposeOnlyAllowedTypes() {
        return new ArchCondition<>("expose in public signatures only the JDK, public Linkway types and "
                + "the third-party types allowed in org.linkway.apicheck.PublicApi") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String pkg = c.getPackageName();
                Set<String> bad = new TreeSet<>();
                c.getSuperclass().ifPresent(t -> collect(pkg, "extends", t, bad));
                c.getInterfaces().forEach(t -> collect(pkg, "implements", t, bad));
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    if (!visible(unit)) {
                        continue;
                    }
                    String where = unit.getName().equals("<init>") ? "constructor" : unit.getName() + "()";
                    collect(pkg, where + " returns", unit.getReturnType(), bad);
                    unit.getParameterTypes().forEach(t -> collect(pkg, where + " takes", t, bad));
                    unit.getExceptionTypes().forEach(t -> collect(pkg, where + " throws", t, bad));
                    unit.getTypeParameters().forEach(t -> collect(pkg, where + " type parameter", t, bad));
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f)) {
                        collect(pkg, "field " + f.getName(), f.getType(), bad);
                    }
                }
                c.getTypeParameters().forEach(t -> collect(pkg, "type parameter", t, bad));
                for (String b : bad) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + b));
                }
            }
        };
    }

    private static void collect(String ownerPackage, String where, JavaType type, Set<String> bad) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String name = raw.isArray() ? raw.getBaseComponentType().getName() : raw.getName();
            if (!PublicApi.mayExpose(ownerPackage, name)) {
                bad.add(where + " " + name);
            }
        }
    }
}
