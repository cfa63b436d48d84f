package org.linkway.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one artifact as sorted text lines: every public or protected class,
 * constructor, method and field outside {@code internal} packages, one line each, with generic
 * types written out. A line is the whole fact, so a diff of two snapshots reads as a list of
 * removals (breaking) and additions.
 *
 * <p>Reads the compiled classes by reflection through the caller's class loader, which in a
 * module's tests holds the module and all its dependencies.
 */
public final class ApiSignature {

    private ApiSignature() {}

    /** The API lines of every class compiled into {@code classesDir}, sorted. */
    public static List<String> of(Path classesDir, ClassLoader loader) {
        TreeSet<String> lines = new TreeSet<>();
        for (String name : classNames(classesDir)) {
            if (PublicApi.isInternalPackage(packageOf(name))) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " from the test class path", e);
            }
            if (isExported(type)) {
                describe(type, lines);
            }
        }
        return List.copyOf(lines);
    }

    static List<String> classNames(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classesDir.relativize(p).toString())
                    .map(s -> s.substring(0, s.length() - ".class".length())
                            .replace('\\', '.')
                            .replace('/', '.'))
                    .filter(s -> !s.endsWith("module-info") && !s.endsWith("package-info"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Reachable by a user: public, or protected inside a reachable class, all the way out. */
    static boolean isExported(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        int m = type.getModifiers();
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(m);
        }
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && isExported(outer);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void describe(Class<?> type, TreeSet<String> lines) {
        String owner = type.getName();
        lines.add(owner + " " + classHeader(type));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                lines.add(owner + "#<init>" + parameters(c) + " "
                        + modifiers(c.getModifiers() & Modifier.constructorModifiers())
                        + typeParameters(c.getTypeParameters()) + throwsClause(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                String mods = modifiers(m.getModifiers() & Modifier.methodModifiers());
                if (m.isDefault()) {
                    mods = mods.isEmpty() ? "default" : mods + " default";
                }
                lines.add(owner + "#" + m.getName() + parameters(m) + " " + mods + typeParameters(m.getTypeParameters())
                        + " " + name(m.getGenericReturnType()) + throwsClause(m));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                String kind = f.isEnumConstant() ? " enum-constant" : "";
                lines.add(owner + "#" + f.getName() + " " + modifiers(f.getModifiers() & Modifier.fieldModifiers())
                        + kind + " " + name(f.getGenericType()));
            }
        }
    }

    private static String classHeader(Class<?> type) {
        int mods = type.getModifiers() & Modifier.classModifiers();
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isEnum()) {
            kind = "enum";
            // an enum is final or abstract depending on whether a constant has a body: not API
            mods &= ~(Modifier.ABSTRACT | Modifier.FINAL);
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
        }
        StringBuilder out = new StringBuilder(modifiers(mods));
        if (type.isSealed()) {
            out.append(out.length() == 0 ? "" : " ").append("sealed");
        }
        out.append(out.length() == 0 ? "" : " ").append(kind).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !type.isEnum() && !type.isRecord() && superclass != Object.class) {
            out.append(" extends ").append(name(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            out.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(ApiSignature::name).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            out.append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    private static String modifiers(int mods) {
        // how a method is implemented (native, synchronized, strictfp) or a field is stored is not API
        return Modifier.toString(mods
                & ~(Modifier.NATIVE
                        | Modifier.SYNCHRONIZED
                        | Modifier.STRICT
                        | Modifier.TRANSIENT
                        | Modifier.VOLATILE));
    }

    private static String parameters(Executable e) {
        List<String> names = new ArrayList<>();
        Type[] types = e.getGenericParameterTypes();
        // an inner class's or enum's constructor may hide implicit parameters from the generic view
        if (types.length != e.getParameterCount()) {
            types = e.getParameterTypes();
        }
        for (int i = 0; i < types.length; i++) {
            String n = name(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
                n = n.substring(0, n.length() - 2) + "...";
            }
            names.add(n);
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String throwsClause(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return " throws "
                + Arrays.stream(thrown).map(ApiSignature::name).sorted().collect(Collectors.joining(", "));
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return " <"
                + Arrays.stream(variables)
                        .map(v -> {
                            Type[] bounds = v.getBounds();
                            if (bounds.length == 1 && bounds[0] == Object.class) {
                                return v.getName();
                            }
                            return v.getName() + " extends "
                                    + Arrays.stream(bounds)
                                            .map(ApiSignature::name)
                                            .collect(Collectors.joining(" & "));
                        })
                        .collect(Collectors.joining(", "))
                + ">";
    }

    private static String name(Type type) {
        return type.getTypeName();
    }
}
