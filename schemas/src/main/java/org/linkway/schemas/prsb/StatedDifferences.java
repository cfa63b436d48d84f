package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code prsb/deliberate-differences.tsv}: the differences from the standard that the schemas
 * alone do not show, each with its reason. Rendered into the coverage report's deliberate
 * differences, and cross-checked against the schemas (schemas module) and the validator
 * (sdk-model), so a difference made without a row here fails the build.
 */
final class StatedDifferences {

    static final String FILE = "prsb/deliberate-differences.tsv";

    enum Kind {
        /** A validator rule makes an element PRSB leaves optional (R or O) mandatory; {@code linkway} names the rule. */
        MANDATORY_BY_RULE,
        /**
         * A schema requires an element PRSB leaves optional (R or O, minimum 0); {@code linkway}
         * names the home ({@code Resource: /pointer}).
         */
        REQUIRED_BY_SCHEMA,
        /** The schemas give a shorter minimum length than PRSB; {@code linkway} is the schemas' minimum. */
        MIN_LENGTH,
        /** What is checked of an element's value set; {@code linkway} says what (the vocabulary work feeds these rows). */
        VALUE_SET;

        static Kind parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** One row: the kind, the PRSB element, what Linkway does, and why. */
    record Row(Kind kind, PrsbElement element, String linkway, String reason) {}

    private final List<Row> rows;

    private StatedDifferences(List<Row> rows) {
        this.rows = rows;
    }

    static StatedDifferences none() {
        return new StatedDifferences(List.of());
    }

    static StatedDifferences load(String text, PrsbStandard prsb) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String where = FILE + " line " + (i + 1) + ": ";
            String[] f = line.split("\t", -1);
            if (f.length != 4 || f[3].isBlank() || f[2].isBlank()) {
                throw new IllegalStateException(where + "expected kind, element, linkway and a reason, tab-separated");
            }
            Kind kind;
            try {
                kind = Kind.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + "unknown kind '" + f[0].strip() + "'", e);
            }
            PrsbElement e = prsb.element(f[1].strip())
                    .orElseThrow(
                            () -> new IllegalStateException(where + "'" + f[1].strip() + "' is not a PRSB element"));
            rows.add(new Row(kind, e, f[2].strip(), f[3].strip()));
        }
        return new StatedDifferences(List.copyOf(rows));
    }

    List<Row> all() {
        return rows;
    }

    List<Row> of(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The row of one kind for an element, or null. */
    Row find(Kind kind, PrsbElement e) {
        return rows.stream()
                .filter(r -> r.kind() == kind && r.element().path().equals(e.path()))
                .findFirst()
                .orElse(null);
    }
}
