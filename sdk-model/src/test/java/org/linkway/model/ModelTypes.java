package org.linkway.model;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Finds every generated model type by reflection (a class in this package with a nested
 * Builder) and makes random instances of it with every member present, so no test has to know
 * which members the schema requires.
 */
final class ModelTypes {

    private ModelTypes() {}

    /** One member of a model type, as its getter and its builder's with-method show it. */
    record Member(String name, Method getter, Method with, Type type) {

        boolean isList() {
            return getter.getReturnType() == List.class;
        }

        Class<?> elementClass() {
            return (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
        }
    }

    static List<Class<?>> all() {
        try {
            Path dir = Path.of(PartialDateTime.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .resolve("org/linkway/model");
            List<Class<?>> types = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String file = f.getFileName().toString();
                    if (file.endsWith(".class") && !file.contains("$")) {
                        Class<?> c = Class.forName("org.linkway.model." + file.substring(0, file.length() - 6));
                        if (builderOf(c) != null) {
                            types.add(c);
                        }
                    }
                }
            }
            return types;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> builderOf(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.getSimpleName().equals("Builder")) {
                return nested;
            }
        }
        return null;
    }

    static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        Class<?> builder = builderOf(type);
        for (Method getter : type.getDeclaredMethods()) {
            if (!getter.getName().startsWith("get")
                    || getter.getParameterCount() != 0
                    || !Modifier.isPublic(getter.getModifiers())) {
                continue;
            }
            String cap = getter.getName().substring(3);
            try {
                Method with = builder.getMethod("with" + cap, getter.getReturnType());
                members.add(new Member(
                        Character.toLowerCase(cap.charAt(0)) + cap.substring(1),
                        getter,
                        with,
                        getter.getGenericReturnType()));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(
                        type.getSimpleName() + "." + getter.getName() + " has no with" + cap + " in its builder", e);
            }
        }
        return members;
    }

    static Object newBuilder(Class<?> type) {
        return call(null, method(type, "builder"));
    }

    static Object build(Object builder) {
        return call(builder, method(builder.getClass(), "build"));
    }

    static Object toBuilder(Object model) {
        return call(model, method(model.getClass(), "toBuilder"));
    }

    static Object get(Object model, Member m) {
        return call(model, m.getter());
    }

    static void set(Object builder, Member m, Object value) {
        call(builder, m.with(), value);
    }

    private static Method method(Class<?> c, String name) {
        try {
            return c.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(c + " has no " + name + "()", e);
        }
    }

    static Object call(Object target, Method m, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Instances of {@code type} with every member set (lists of one to three entries). */
    static Gen<Object> full(Class<?> type) {
        List<Member> members = members(type);
        List<Gen<Object>> gens = new ArrayList<>();
        for (Member m : members) {
            gens.add(value(m.type()));
        }
        return in -> {
            Object builder = newBuilder(type);
            for (int k = 0; k < members.size(); k++) {
                set(builder, members.get(k), gens.get(k).generate(in));
            }
            return build(builder);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // enum constants and lists reached by reflection
    static Gen<Object> value(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Gen<Object> element = value(p.getActualTypeArguments()[0]);
            return in -> {
                int size = integers().between(1, 3).generate(in);
                List<Object> list = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    list.add(element.generate(in));
                }
                return list;
            };
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Gens.widen(Gens.text(Gens.range('a', 'z') + " -'", 1, 12));
        }
        if (c == Integer.class) {
            return Gens.widen(integers().between(-5, 1000));
        }
        if (c == Double.class) {
            return Gens.widen(integers().between(-50, 500).map(i -> i / 4.0));
        }
        if (c == Boolean.class) {
            return Gens.widen(booleans().all());
        }
        if (c == LocalDate.class) {
            return Gens.widen(longs().between(-20_000, 30_000).map(LocalDate::ofEpochDay));
        }
        if (c == PartialDateTime.class) {
            return Gens.widen(longs().between(-20_000, 30_000).map(d -> PartialDateTime.of(LocalDate.ofEpochDay(d))));
        }
        if (c.isEnum()) {
            return Gens.widen(Generate.pick((List) List.of(c.getEnumConstants())));
        }
        if (builderOf(c) != null) {
            return full(c);
        }
        if (c == Object.class) {
            // a member the schema leaves open (a directory entry as imported): any JSON object
            Gen<String> text = Gens.text(Gens.range('a', 'z') + " ", 1, 12);
            return in -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", text.generate(in));
                json.put("status", "active");
                json.put("contacts", List.of(Map.of("telephone", text.generate(in))));
                return json;
            };
        }
        throw new IllegalArgumentException("no generator for " + type);
    }
}
