package org.linkway.schemas.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.linkway.schemas.compat.SchemaChange.Kind;
import org.linkway.schemas.compat.SchemaSet.Located;
import tools.jackson.databind.JsonNode;

/**
 * Compares a released schema version with a later one, structurally, and lists every change
 * that can break a message or a reader valid under the release: a file, definition or property
 * removed or renamed; a type, length, cardinality, range, value list or pattern narrowed; a
 * member made required; an object closed to unknown members. Additions (a new optional
 * property, a wider limit, a new value) are not changes it reports.
 *
 * <p>It walks each resource from its root, then every definition no resource reached, following
 * {@code $ref}s across files and merging {@code allOf}; each pair of places is compared once, so a
 * change to a shared definition is reported where the first resource meets it. A changed pattern counts
 * as narrowing unless it is identical, and a change to a keyword it does not reason about
 * ({@link SchemaView#UNJUDGED}) is reported for a person to judge, so the guard fails closed.
 */
final class SchemaDiff {

    private static final List<String> UPPER =
            List.of("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum");
    private static final List<String> LOWER =
            List.of("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum");

    private final SchemaSet released;
    private final SchemaSet current;
    private final Set<String> compared = new HashSet<>();
    private final Set<String> reached = new HashSet<>();
    private final Set<SchemaChange> changes = new LinkedHashSet<>();

    private SchemaDiff(SchemaSet released, SchemaSet current) {
        this.released = released;
        this.current = current;
    }

    /** Every breaking change from {@code released} to {@code current}; empty when current only adds. */
    static List<SchemaChange> breakingChanges(SchemaSet released, SchemaSet current) {
        SchemaDiff d = new SchemaDiff(released, current);
        d.run();
        return List.copyOf(d.changes);
    }

    private void run() {
        // resources first, so a change is reported where a message meets it
        List<String> files = new ArrayList<>();
        released.files().keySet().stream()
                .filter(f -> released.resourceType(f) != null)
                .forEach(files::add);
        released.files().keySet().stream().filter(f -> !files.contains(f)).forEach(files::add);
        for (String file : files) {
            Located after = current.root(file);
            if (after == null) {
                changes.add(new SchemaChange(Kind.FILE_REMOVED, file, "the schema file is gone"));
                continue;
            }
            String resource = released.resourceType(file);
            compare(
                    view(released, released.root(file)),
                    view(current, after),
                    resource == null ? file + "#" : resource + ":");
        }
        for (String file : files) {
            Located after = current.root(file);
            if (after == null) {
                continue;
            }
            JsonNode defs = released.root(file).node().path("$defs");
            for (Map.Entry<String, JsonNode> def : defs.properties()) {
                String pointer = "/$defs/" + SchemaSet.escape(def.getKey());
                JsonNode now = after.node().at(pointer);
                String where = file + "#" + pointer;
                if (now.isMissingNode()) {
                    changes.add(new SchemaChange(
                            Kind.DEFINITION_REMOVED, where, "a schema that refers to it no longer resolves"));
                    continue;
                }
                if (reached.contains(where)) {
                    continue; // compared already, and reported where a resource meets it
                }
                compare(
                        view(released, new Located(file, pointer, def.getValue())),
                        view(current, new Located(file, pointer, now)),
                        where);
            }
        }
    }

    private static SchemaView view(SchemaSet set, Located at) {
        return SchemaView.of(set, List.of(at));
    }

    private static SchemaView view(SchemaSet set, List<Located> at) {
        return at.isEmpty() ? SchemaView.ANYTHING : SchemaView.of(set, at);
    }

    private void compare(SchemaView before, SchemaView after, String where) {
        if (!compared.add(before.key() + " => " + after.key())) {
            return;
        }
        reached.addAll(before.locations());
        if (after.acceptsNothing() && !before.acceptsNothing()) {
            add(Kind.ACCEPTS_NOTHING, where, "the schema is now false");
        }
        types(before, after, where);
        for (String k : UPPER) {
            OptionalDouble was = before.upper(k);
            OptionalDouble is = after.upper(k);
            if (is.isPresent() && (was.isEmpty() || is.getAsDouble() < was.getAsDouble())) {
                add(kindOf(k), where, k + " " + text(was) + " -> " + text(is));
            }
        }
        for (String k : LOWER) {
            OptionalDouble was = before.lower(k);
            OptionalDouble is = after.lower(k);
            if (is.isPresent() && (was.isEmpty() || is.getAsDouble() > was.getAsDouble())) {
                add(kindOf(k), where, k + " " + text(was) + " -> " + text(is));
            }
        }
        Set<JsonNode> wasValues = before.allowedValues();
        Set<JsonNode> isValues = after.allowedValues();
        if (isValues != null && (wasValues == null || !isValues.containsAll(wasValues))) {
            Set<String> dropped = new TreeSet<>();
            if (wasValues != null) {
                wasValues.stream().filter(v -> !isValues.contains(v)).forEach(v -> dropped.add(v.toString()));
            }
            add(Kind.VALUES_NARROWED, where, wasValues == null ? "now limited to " + isValues : "dropped " + dropped);
        }
        for (String k : List.of("pattern", "format", "multipleOf")) {
            Set<String> added = new LinkedHashSet<>(after.texts(k));
            added.removeAll(before.texts(k));
            if (!added.isEmpty()) {
                add(
                        "multipleOf".equals(k) ? Kind.RANGE_NARROWED : Kind.PATTERN_CHANGED,
                        where,
                        k + " " + before.texts(k) + " -> " + after.texts(k));
            }
        }
        if (after.flag("uniqueItems") && !before.flag("uniqueItems")) {
            add(Kind.CARDINALITY_NARROWED, where, "items must now be unique");
        }
        for (String k : SchemaView.UNJUDGED) {
            List<JsonNode> is = after.raw(k);
            if (!is.isEmpty() && !is.equals(before.raw(k))) {
                add(Kind.UNJUDGED, where, k + " changed; the guard does not reason about it, so compare by hand");
            }
        }
        members(before, after, where);
        List<Located> wasItems = before.subschemas("items");
        List<Located> isItems = after.subschemas("items");
        if (!isItems.isEmpty()) {
            compare(view(released, wasItems), view(current, isItems), where + "/*");
        }
    }

    private void types(SchemaView before, SchemaView after, String where) {
        Set<String> was = before.types();
        Set<String> is = after.types();
        if (is == null) {
            return;
        }
        if (was == null) {
            add(Kind.TYPE_NARROWED, where, "any type -> " + is);
            return;
        }
        Set<String> lost = new TreeSet<>(was);
        lost.removeAll(is);
        if (!lost.isEmpty()) {
            add(Kind.TYPE_NARROWED, where, "type " + was + " -> " + is + " (no longer " + lost + ")");
        }
    }

    /** Properties removed, renamed or made required; objects closed; additional members narrowed. */
    private void members(SchemaView before, SchemaView after, String where) {
        Map<String, List<Located>> was = before.properties();
        Map<String, List<Located>> is = after.properties();
        Set<String> added = new LinkedHashSet<>(is.keySet());
        added.removeAll(was.keySet());
        for (Map.Entry<String, List<Located>> p : was.entrySet()) {
            String name = p.getKey();
            String at = where + "/" + SchemaSet.escape(name);
            if (is.containsKey(name)) {
                compare(view(released, p.getValue()), view(current, is.get(name)), at);
                continue;
            }
            String renamedTo = renamedTo(view(released, p.getValue()), added, is, was.size() - is.size());
            if (renamedTo != null) {
                add(Kind.PROPERTY_RENAMED, at, "renamed to '" + renamedTo + "'");
            } else {
                add(Kind.PROPERTY_REMOVED, at, "the property is gone");
            }
        }
        Set<String> newlyRequired = new TreeSet<>(after.required());
        newlyRequired.removeAll(before.required());
        for (String r : newlyRequired) {
            add(Kind.REQUIRED_ADDED, where + "/" + SchemaSet.escape(r), "now required");
        }
        List<Located> wasOther = before.subschemas("additionalProperties");
        List<Located> isOther = after.subschemas("additionalProperties");
        if (after.closed() && !before.closed()) {
            add(Kind.CLOSED, where, "additionalProperties is now false: members it does not name are refused");
        } else if (!isOther.isEmpty() && !before.closed()) {
            compare(view(released, wasOther), view(current, isOther), where + "/{any}");
        }
        if (!before.closed() && !wasOther.isEmpty()) {
            // a member the release took under additionalProperties must still be taken
            for (String name : added) {
                compare(view(released, wasOther), view(current, is.get(name)), where + "/" + SchemaSet.escape(name));
            }
        }
    }

    /** A removed property's new name: a new property holding the same PRSB element, or the only one added. */
    private String renamedTo(SchemaView gone, Set<String> added, Map<String, List<Located>> is, int removedMinusAdded) {
        String prsb = gone.prsbPath();
        if (prsb != null) {
            for (String name : added) {
                if (prsb.equals(view(current, is.get(name)).prsbPath())) {
                    return name;
                }
            }
        }
        return added.size() == 1 && removedMinusAdded == 0 ? added.iterator().next() : null;
    }

    private static Kind kindOf(String keyword) {
        if (keyword.endsWith("Length")) {
            return Kind.LENGTH_NARROWED;
        }
        if (keyword.endsWith("Items") || keyword.endsWith("Properties")) {
            return Kind.CARDINALITY_NARROWED;
        }
        return Kind.RANGE_NARROWED;
    }

    private static String text(OptionalDouble d) {
        if (d.isEmpty()) {
            return "(none)";
        }
        double v = d.getAsDouble();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void add(Kind kind, String where, String detail) {
        changes.add(new SchemaChange(kind, where, detail));
    }
}
