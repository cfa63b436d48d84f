package org.linkway.validation.internal.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code lists and element bindings shipped in the schemas artifact
 * ({@code org/linkway/schemas/vocabulary/}), read once. The data files are the single source: this
 * class holds no code of its own, so a new release of a list is a new file, not a code change.
 */
public final class Vocabulary {

    static final String ROOT = "/org/linkway/schemas/vocabulary/";

    private static final class Holder {
        static final Vocabulary STANDARD = load();
    }

    private final Map<String, Binding> byElement;
    private final Map<String, CodeList> lists;

    private Vocabulary(Map<String, Binding> byElement, Map<String, CodeList> lists) {
        this.byElement = byElement;
        this.lists = lists;
    }

    /** The vocabulary this SDK release ships. */
    public static Vocabulary standard() {
        return Holder.STANDARD;
    }

    /** How the PRSB element at {@code prsbPath} is checked, or null if it names no code list or system. */
    public Binding binding(String prsbPath) {
        return prsbPath.isEmpty() ? null : byElement.get(prsbPath);
    }

    /** Every binding, for coverage reports and tests. */
    public List<Binding> bindings() {
        return List.copyOf(byElement.values());
    }

    /** A shipped list by id, or null. */
    public CodeList list(String id) {
        return lists.get(id);
    }

    private static Vocabulary load() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode bindings = read(mapper, "bindings");
        Map<String, CodeList> lists = new HashMap<>();
        Map<String, Binding> byElement = new HashMap<>();
        for (JsonNode b : bindings.path("bindings")) {
            String element = b.path("element").asString();
            Binding.Membership membership = Binding.Membership.valueOf(
                    b.path("membership").asString().toUpperCase(Locale.ROOT).replace('-', '_'));
            CodeList list = null;
            if (b.has("list")) {
                list = lists.computeIfAbsent(b.get("list").asString(), id -> codeList(mapper, id));
            }
            Set<String> also = new HashSet<>();
            b.path("alsoAllowedSystems").forEach(a -> also.add(a.path("system").asString()));
            String system = b.has("system") ? b.get("system").asString() : null;
            String valueSet = b.has("valueSet") ? b.get("valueSet").asString() : list == null ? null : list.valueSet();
            Pattern format = b.has("format") ? Pattern.compile(b.get("format").asString()) : null;
            if (membership == Binding.Membership.SHIPPED && list == null) {
                throw new IllegalStateException("binding for " + element + " is 'shipped' but names no list");
            }
            Binding previous = byElement.put(
                    element,
                    new Binding(
                            element,
                            membership,
                            system,
                            also,
                            list,
                            valueSet,
                            format,
                            b.path("prsb").asString(list == null ? "" : list.title())));
            if (previous != null) {
                throw new IllegalStateException("two bindings for " + element);
            }
        }
        return new Vocabulary(Map.copyOf(byElement), Map.copyOf(lists));
    }

    private static CodeList codeList(JsonMapper mapper, String id) {
        JsonNode file = read(mapper, id);
        List<String> codes = new ArrayList<>();
        file.path("codes").forEach(c -> codes.add(c.path("code").asString()));
        if (codes.isEmpty() || !id.equals(file.path("id").asString())) {
            throw new IllegalStateException("vocabulary file " + id + ".json has no codes or another id");
        }
        return new CodeList(
                id, file.path("title").asString(), file.path("valueSet").asString(), codes);
    }

    private static JsonNode read(JsonMapper mapper, String id) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(ROOT + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary file missing from the classpath: " + ROOT + id + ".json");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
