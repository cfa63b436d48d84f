package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The maximum lengths where Linkway deliberately departs from the standard
 * ({@code prsb/deliberate-lengths.tsv}), each with its reason. Kept as data beside the name map
 * so the departure is made once, rendered into the coverage report, and checked against every
 * place the element lives, instead of being a silent edit to one schema.
 */
final class LengthOverrides {

    static final String FILE = "prsb/deliberate-lengths.tsv";

    /** One departure: the element, the standard's length, Linkway's, and why. */
    record Override(PrsbElement element, int prsbMaxLength, int maxLength, String reason) {}

    private final Map<String, Override> byPath;

    private LengthOverrides(Map<String, Override> byPath) {
        this.byPath = byPath;
    }

    static LengthOverrides none() {
        return new LengthOverrides(Map.of());
    }

    static LengthOverrides load(Path tsv, PrsbStandard prsb) {
        try {
            return load(Files.readString(tsv, StandardCharsets.UTF_8), tsv.toString(), prsb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file's {@code text}; {@code tsv} names it in messages. */
    static LengthOverrides load(String text, String tsv, PrsbStandard prsb) {
        Map<String, Override> map = new LinkedHashMap<>();
        List<String> lines = List.of(text.split("\r?\n", -1));
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String where = tsv + " line " + (i + 1) + ": ";
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[2].isBlank()) {
                throw new IllegalStateException(where + "expected path, max_length and a reason, tab-separated");
            }
            PrsbElement e = prsb.element(f[0].strip())
                    .orElseThrow(
                            () -> new IllegalStateException(where + "'" + f[0].strip() + "' is not a PRSB element"));
            if (e.maxLength().isEmpty()) {
                throw new IllegalStateException(
                        where + "PRSB gives '" + e.path() + "' no maximum length to depart from");
            }
            int max = Integer.parseInt(f[1].strip());
            if (max == e.maxLength().getAsInt()) {
                throw new IllegalStateException(where + max + " is the standard's own length for '" + e.path() + "'");
            }
            map.put(e.path(), new Override(e, e.maxLength().getAsInt(), max, f[2].strip()));
        }
        return new LengthOverrides(Collections.unmodifiableMap(map));
    }

    /** The length the schemas give the element: the override if there is one, else the standard's. */
    OptionalInt maxLength(PrsbElement e) {
        Override o = byPath.get(e.path());
        return o != null ? OptionalInt.of(o.maxLength()) : e.maxLength();
    }

    /** Every override, in the file's order. */
    List<Override> all() {
        return new ArrayList<>(byPath.values());
    }
}
