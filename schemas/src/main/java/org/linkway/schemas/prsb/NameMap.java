package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How PRSB element names become JSON property names and schema definition names. The
 * defaults are mechanical (camelCase of the PRSB name); {@code prsb/name-map.tsv} overrides
 * them where the mechanical name reads badly, and pins a value type where the PRSB model
 * gives none. Keeping this as data means a new PRSB release is a re-run, not a rewrite.
 */
final class NameMap {

    record Override(String property, String definition, String type) {}

    private final Map<String, Override> overrides;

    private NameMap(Map<String, Override> overrides) {
        this.overrides = overrides;
    }

    static NameMap load(Path tsv) {
        Map<String, Override> map = new HashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                lineNo++;
                if (lineNo == 1 || line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    throw new IllegalStateException(tsv + " line " + lineNo + ": expected 4 tab-separated columns");
                }
                map.put(f[0].strip(), new Override(blankToNull(f[1]), blankToNull(f[2]), blankToNull(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameMap(map);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    boolean isKnown(String path) {
        return overrides.containsKey(path);
    }

    Iterable<String> paths() {
        return overrides.keySet();
    }

    String property(PrsbElement e) {
        Override o = overrides.get(e.path());
        if (o != null && o.property() != null) {
            return o.property();
        }
        if (e.name().endsWith(" record entry")) {
            return "entries";
        }
        // the same member names the hand-written coded types in common.schema.json use
        if (e.name().equals("Coded value")) {
            return e.valueType().isEmpty() ? "coding" : "code";
        }
        if (e.name().equals("Free text")) {
            return "text";
        }
        return camel(e.name());
    }

    String definition(PrsbElement e) {
        Override o = overrides.get(e.path());
        return o != null && o.definition() != null ? o.definition() : pascal(e.name());
    }

    String type(PrsbElement e) {
        Override o = overrides.get(e.path());
        return o == null ? null : o.type();
    }

    static String camel(String name) {
        String p = pascal(name);
        return p.isEmpty() ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.replace("'s", "").replace("’s", "").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }
}
