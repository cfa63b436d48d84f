package org.linkway.schemas.prsb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a Linkway resource schema (a file in {@code json/} whose {@code resourceType} is a
 * {@code const}) property by property, following {@code $ref}s across files, and reports where
 * each PRSB element lives in an instance of that resource.
 *
 * <p>A property is a <em>home</em> of a PRSB element when it carries {@code x-prsb} (the path),
 * or {@code x-prsb-relative} (a name below the PRSB path of the nearest enclosing PRSB
 * property: the members of the shared coded types in {@code common.schema.json}). A folded
 * property's {@code x-prsb-group} is recorded on the same home. A property that carries none of
 * {@code x-prsb}, {@code x-prsb-relative} or {@code x-linkway}, on itself or on the definition
 * its {@code $ref} points at, is a <em>traceability gap</em>. Everything below an
 * {@code x-linkway} property belongs to Linkway, so relative members there (a Party's
 * {@code OdsCodedText}, say) are traced but are not PRSB homes.
 *
 * <p>Instance locations are JSON pointers with {@code *} standing for any array index, e.g.
 * {@code /gpPractice/entries/*}{@code /gpPracticeIdentifier}. A schema reached again through a
 * {@code $ref} cycle is not walked a second time on the same branch.
 */
final class SchemaWalker {

    /** Where one PRSB element lives in one resource. */
    record Home(
            /** The resource's {@code resourceType}, e.g. {@code Referral}. */
            String resource,
            /** The resource schema file the walk started from. */
            String resourceFile,
            /** The instance location, with {@code *} for array items. */
            String pointer,
            /** The PRSB element the property holds (x-prsb, or the composed relative path). */
            String prsbPath,
            /** The group folded into this property (x-prsb-group), or null. */
            String groupPath,
            /** True when the path was composed from x-prsb-relative. */
            boolean relative,
            /** The PRSB path of the nearest enclosing PRSB property, or null at a resource's top or below Linkway properties. */
            String enclosingPath,
            /** True when the containing object lists the property in {@code required}. */
            boolean required,
            /** The property's schema with its $ref chain merged in (the property's own keywords win). */
            ObjectNode schema,
            /** For an array, its resolved {@code items}; otherwise the same as {@link #schema}. */
            ObjectNode valueSchema,
            /** Where the property is written: {@code file#/json/pointer}. */
            String location) {

        boolean isArray() {
            return SchemaWalker.isArray(schema);
        }

        /** The resource-qualified location, as the coverage report shows it. */
        String label() {
            return resource + ": " + pointer;
        }
    }

    /** A property with no trace to PRSB or reason for being (x-linkway). */
    record Gap(String resource, String resourceFile, String pointer, String location) {
        @Override
        public String toString() {
            return resource + " " + pointer + " (" + location + ")";
        }
    }

    /** Everything one walk found. */
    record Walk(String resource, String file, List<Home> homes, List<Gap> gaps, List<String> problems) {}

    /** A schema node and the file it sits in, so relative $refs inside it can be resolved. */
    record Located(String file, String pointer, JsonNode node) {
        String location() {
            return file + "#" + pointer;
        }
    }

    private record Context(String prsbPath, boolean linkway) {
        static final Context ROOT = new Context(null, false);
        static final Context LINKWAY = new Context(null, true);
    }

    private final SchemaSource source;
    private final SchemaRefs refs;

    /** Reads schema files from {@code dir}. */
    SchemaWalker(Path dir) {
        this(dir, Map.of());
    }

    /**
     * Reads schema files from {@code dir}, except those named in {@code overrides} (file name to
     * content), which are read from there: the generator's fresh output before it is written.
     */
    SchemaWalker(Path dir, Map<String, String> overrides) {
        this(SchemaSource.folders(dir, dir, overrides));
    }

    SchemaWalker(SchemaSource source) {
        this.source = source;
        this.refs = new SchemaRefs(source);
    }

    /** Every schema file, by name, that declares a constant {@code resourceType}: the resources. */
    List<String> resourceFiles() {
        List<String> out = new ArrayList<>();
        for (String name : source.schemaFiles()) {
            if (resourceType(name) != null) {
                out.add(name);
            }
        }
        return out;
    }

    /** The resource's {@code properties.resourceType.const}, or null when the file is not a resource. */
    String resourceType(String file) {
        JsonNode c = refs.load(file).path("properties").path("resourceType").path("const");
        return c.isString() ? c.asString() : null;
    }

    /** Walks one resource schema file. */
    Walk walk(String file) {
        String resource = resourceType(file);
        Run run = new Run(resource == null ? file : resource, file);
        run.walkSchema(new Located(file, "", refs.load(file)), "", Context.ROOT, Set.of(), new HashSet<>());
        return new Walk(run.resource, file, List.copyOf(run.homes), List.copyOf(run.gaps), List.copyOf(run.problems));
    }

    /** Walks every resource schema, in file-name order. */
    List<Walk> walkAll() {
        List<Walk> out = new ArrayList<>();
        for (String f : resourceFiles()) {
            out.add(walk(f));
        }
        return out;
    }

    private final class Run {
        final String resource;
        final String file;
        final List<Home> homes = new ArrayList<>();
        final List<Gap> gaps = new ArrayList<>();
        final Set<String> problems = new LinkedHashSet<>();

        Run(String resource, String file) {
            this.resource = resource;
            this.file = file;
        }

        /**
         * Walks the schema that applies at one instance location: its properties, its items, its
         * subschemas and its $ref target. {@code inheritedRequired} carries the {@code required}
         * lists of the schemas that led here through $ref or allOf at the same location.
         */
        void walkSchema(Located at, String pointer, Context ctx, Set<String> inheritedRequired, Set<String> active) {
            JsonNode node = at.node();
            if (!node.isObject()) {
                return;
            }
            Set<String> required = new HashSet<>(inheritedRequired);
            required.addAll(refs.requiredAlongChain(at, new HashSet<>()));

            JsonNode properties = node.path("properties");
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                Located prop = new Located(at.file(), at.pointer() + "/properties/" + escape(p.getKey()), p.getValue());
                walkProperty(prop, pointer + "/" + escape(p.getKey()), required.contains(p.getKey()), ctx, active);
            }
            JsonNode items = node.path("items");
            if (items.isObject()) {
                walkSchema(
                        new Located(at.file(), at.pointer() + "/items", items), pointer + "/*", ctx, Set.of(), active);
            }
            JsonNode prefixItems = node.path("prefixItems");
            for (int i = 0; i < prefixItems.size(); i++) {
                walkSchema(
                        new Located(at.file(), at.pointer() + "/prefixItems/" + i, prefixItems.get(i)),
                        pointer + "/" + i,
                        ctx,
                        Set.of(),
                        active);
            }
            JsonNode additional = node.path("additionalProperties");
            if (additional.isObject()) {
                walkSchema(
                        new Located(at.file(), at.pointer() + "/additionalProperties", additional),
                        pointer + "/{any}",
                        ctx,
                        Set.of(),
                        active);
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                JsonNode subs = node.path(combinator);
                for (int i = 0; i < subs.size(); i++) {
                    walkSchema(
                            new Located(at.file(), at.pointer() + "/" + combinator + "/" + i, subs.get(i)),
                            pointer,
                            ctx,
                            "allOf".equals(combinator) ? required : Set.of(),
                            active);
                }
            }
            for (String branch : List.of("then", "else")) {
                if (node.path(branch).isObject()) {
                    walkSchema(
                            new Located(at.file(), at.pointer() + "/" + branch, node.get(branch)),
                            pointer,
                            ctx,
                            Set.of(),
                            active);
                }
            }
            if (node.has("$ref")) {
                Located target = refs.resolve(at, problems);
                if (target != null && active.add(target.location())) {
                    walkSchema(target, pointer, ctx, required, active);
                    active.remove(target.location());
                }
            }
        }

        void walkProperty(Located prop, String pointer, boolean required, Context ctx, Set<String> active) {
            ObjectNode flat = refs.flatten(prop, problems);
            String xPrsb = text(flat, "x-prsb");
            String group = text(flat, "x-prsb-group");
            String relative = text(flat, "x-prsb-relative");
            boolean linkway = flat.has("x-linkway");

            String path = null;
            boolean composed = false;
            if (xPrsb != null) {
                path = xPrsb;
            } else if (relative != null) {
                if (ctx.prsbPath() != null) {
                    path = ctx.prsbPath() + PrsbElement.PATH_SEPARATOR + relative;
                    composed = true;
                } else if (!ctx.linkway()) {
                    problems.add(prop.location() + ": x-prsb-relative '" + relative + "' at " + pointer
                            + " has no enclosing x-prsb to compose with");
                }
            }
            if (group != null && xPrsb == null) {
                problems.add(prop.location() + ": x-prsb-group '" + group + "' without x-prsb");
            }

            Context inner;
            if (path != null) {
                ObjectNode value = isArray(flat) ? refs.flatten(refs.keyword(prop, "items", problems), problems) : flat;
                homes.add(new Home(
                        resource,
                        file,
                        pointer,
                        path,
                        xPrsb != null ? group : null,
                        composed,
                        ctx.prsbPath(),
                        required,
                        flat,
                        value,
                        prop.location()));
                inner = new Context(path, false);
            } else if (linkway || (relative != null && ctx.linkway())) {
                inner = Context.LINKWAY;
            } else {
                gaps.add(new Gap(resource, file, pointer, prop.location()));
                inner = ctx;
            }
            walkSchema(prop, pointer, inner, Set.of(), active);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    static boolean isArray(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return "array".equals(type.asString());
        }
        for (JsonNode t : type) {
            if ("array".equals(t.asString())) {
                return true;
            }
        }
        return type.isMissingNode() && schema.has("items");
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isString() ? v.asString() : null;
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The PRSB paths placed by a set of walks (x-prsb, composed relative paths and folded groups). */
    static Set<String> placedPaths(List<Walk> walks) {
        Set<String> out = new HashSet<>();
        for (Walk w : walks) {
            for (Home h : w.homes()) {
                out.add(h.prsbPath());
                if (h.groupPath() != null) {
                    out.add(h.groupPath());
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
