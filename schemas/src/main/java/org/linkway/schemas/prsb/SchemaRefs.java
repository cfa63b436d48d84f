package org.linkway.schemas.prsb;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linkway.schemas.prsb.SchemaWalker.Located;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema files {@link SchemaWalker} reads, each parsed once, and the {@code $ref} chains
 * between them: following a reference, and merging what applies along a chain.
 */
final class SchemaRefs {

    private final SchemaSource source;
    private final Map<String, JsonNode> cache = new HashMap<>();

    SchemaRefs(SchemaSource source) {
        this.source = source;
    }

    /** The union of the {@code required} lists along a $ref chain. */
    Set<String> requiredAlongChain(Located at, Set<String> seen) {
        Set<String> out = new HashSet<>();
        Located cur = at;
        while (cur != null && cur.node().isObject() && seen.add(cur.location())) {
            for (JsonNode r : cur.node().path("required")) {
                out.add(r.asString());
            }
            cur = cur.node().has("$ref") ? resolve(cur, new LinkedHashSet<>()) : null;
        }
        return out;
    }

    /**
     * The keywords that apply at a schema node, its $ref chain merged in: the node's own keywords
     * win over its target's. The result carries no {@code $ref}.
     */
    ObjectNode flatten(Located at, Set<String> problems) {
        List<JsonNode> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Located cur = at;
        while (cur != null && cur.node().isObject() && seen.add(cur.location())) {
            chain.add(cur.node());
            cur = cur.node().has("$ref") ? resolve(cur, problems) : null;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (int i = chain.size() - 1; i >= 0; i--) {
            out.setAll((ObjectNode) chain.get(i).deepCopy());
        }
        out.remove("$ref");
        return out;
    }

    /** The first schema along the $ref chain that has {@code keyword}, located in its own file. */
    Located keyword(Located at, String keyword, Set<String> problems) {
        Set<String> seen = new HashSet<>();
        Located cur = at;
        while (cur != null && cur.node().isObject() && seen.add(cur.location())) {
            if (cur.node().has(keyword)) {
                return new Located(
                        cur.file(), cur.pointer() + "/" + keyword, cur.node().get(keyword));
            }
            cur = cur.node().has("$ref") ? resolve(cur, problems) : null;
        }
        return new Located(at.file(), at.pointer() + "/" + keyword, Json.MAPPER.createObjectNode());
    }

    /** Follows one $ref: {@code other.schema.json#/$defs/X}, {@code #/$defs/X} or {@code other.schema.json}. */
    Located resolve(Located at, Set<String> problems) {
        String ref = at.node().path("$ref").asString("");
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String file = filePart.isEmpty() ? at.file() : siblingName(at.file(), filePart);
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            problems.add(at.location() + ": $ref '" + ref + "' uses an anchor; only JSON pointers are followed");
            return null;
        }
        JsonNode doc;
        try {
            doc = load(file);
        } catch (UncheckedIOException e) {
            problems.add(at.location() + ": $ref '" + ref + "' names a file that cannot be read: " + file);
            return null;
        }
        JsonNode target = fragment.isEmpty() ? doc : doc.at(fragment);
        if (target.isMissingNode()) {
            problems.add(at.location() + ": $ref '" + ref + "' points at nothing");
            return null;
        }
        return new Located(file, fragment, target);
    }

    private String siblingName(String from, String relative) {
        Path base = Path.of(from).getParent();
        Path p = (base == null ? Path.of(relative) : base.resolve(relative)).normalize();
        return p.toString().replace('\\', '/');
    }

    JsonNode load(String file) {
        return cache.computeIfAbsent(file, f -> Json.MAPPER.readTree(source.schema(f)));
    }
}
