package org.linkway.modelgen;

import java.util.ArrayList;
import java.util.List;

/** What the schemas say about each Java type to be written, before any Java text is made. */
final class Specs {

    private Specs() {}

    /** A property's Java type: a scalar or existing type, a generated class or enum, or a list of one of these. */
    record JavaType(String simpleName, String importName, ObjectSpec object, EnumSpec enumeration, JavaType element) {

        static JavaType scalar(String qualifiedName) {
            int dot = qualifiedName.lastIndexOf('.');
            String simple = qualifiedName.substring(dot + 1);
            return new JavaType(
                    simple, qualifiedName.startsWith("java.lang.") ? null : qualifiedName, null, null, null);
        }

        static JavaType of(ObjectSpec object) {
            return new JavaType(object.name, null, object, null, null);
        }

        static JavaType of(EnumSpec enumeration) {
            String name =
                    enumeration.owner == null ? enumeration.name : enumeration.owner.name + "." + enumeration.name;
            return new JavaType(name, null, null, enumeration, null);
        }

        static JavaType listOf(JavaType element) {
            return new JavaType("List<" + element.simpleName + ">", "java.util.List", null, null, element);
        }

        boolean isList() {
            return element != null;
        }
    }

    /** One member of an object schema, in schema order. */
    record Property(
            String jsonName,
            JavaType type,
            String description,
            boolean required,
            boolean nonEmpty,
            String fixedValue,
            boolean isoDate) {

        /** The name after get/with: firstNames gives FirstNames. */
        String capitalized() {
            return Character.toUpperCase(jsonName.charAt(0)) + jsonName.substring(1);
        }
    }

    /** An object schema: becomes a final class with a nested Builder. */
    static final class ObjectSpec {
        final String name;
        final String origin;
        final String title;
        final String description;
        final List<Property> properties = new ArrayList<>();
        final List<EnumSpec> nestedEnums = new ArrayList<>();
        boolean message;

        ObjectSpec(String name, String origin, String title, String description) {
            this.name = name;
            this.origin = origin;
            this.title = title;
            this.description = description;
        }
    }

    /** A string enum: nested in its owner's class, or top level when it types the items of a list. */
    static final class EnumSpec {
        final String name;
        final ObjectSpec owner;
        final List<String> values;
        final String description;

        EnumSpec(String name, ObjectSpec owner, List<String> values, String description) {
            this.name = name;
            this.owner = owner;
            this.values = List.copyOf(values);
            this.description = description;
        }
    }
}
