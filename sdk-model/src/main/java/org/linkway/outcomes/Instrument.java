package org.linkway.outcomes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * An outcome measure as data, read from the catalogue: its items, its scores, its licence and
 * its codes. Immutable.
 */
public final class Instrument {

    private final String id;
    private final String name;
    private final InstrumentKind kind;
    private final int definitionVersion;
    private final Map<String, ItemDefinition> items;
    private final Map<String, ScoreDefinition> scores;
    private final Licence licence;
    private final List<InstrumentCode> codes;
    private final String notes;

    private Instrument(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.definitionVersion = b.definitionVersion;
        this.licence = Objects.requireNonNull(b.licence, "licence");
        this.codes = List.copyOf(b.codes);
        this.notes = b.notes == null ? "" : b.notes;
        Map<String, ItemDefinition> is = new LinkedHashMap<>();
        for (ItemDefinition i : b.items) {
            if (is.put(i.id(), i) != null) {
                throw new IllegalArgumentException(id + ": item " + i.id() + " is defined twice");
            }
        }
        Map<String, ScoreDefinition> ss = new LinkedHashMap<>();
        long primaries = 0;
        for (ScoreDefinition s : b.scores) {
            if (ss.put(s.id(), s) != null) {
                throw new IllegalArgumentException(id + ": score " + s.id() + " is defined twice");
            }
            for (String item : s.items()) {
                ItemDefinition def = is.get(item);
                if (def == null) {
                    throw new IllegalArgumentException(id + ": score " + s.id() + " uses undefined item " + item);
                }
            }
            if (s.conversion().isPresent()) {
                checkTable(id, s, is);
            }
            if (s.primary()) {
                primaries++;
            }
        }
        if (is.isEmpty() || ss.isEmpty() || primaries > 1) {
            throw new IllegalArgumentException(id + ": needs items, scores and at most one primary score");
        }
        this.items = Collections.unmodifiableMap(is);
        this.scores = Collections.unmodifiableMap(ss);
    }

    /**
     * A conversion table must have exactly one row for every total its whole-number items can
     * add up to, each inside the score's range: a table with a gap would leave a complete set
     * of answers without a score.
     */
    private static void checkTable(String id, ScoreDefinition s, Map<String, ItemDefinition> items) {
        double low = 0;
        double high = 0;
        for (String item : s.items()) {
            ItemDefinition d = items.get(item);
            if (!d.integer()) {
                throw new IllegalArgumentException(
                        id + ": table score " + s.id() + " needs whole-number items; " + item + " is not");
            }
            low += Math.min(d.scored(d.min()), d.scored(d.max()));
            high += Math.max(d.scored(d.min()), d.scored(d.max()));
        }
        NavigableMap<Integer, Double> table = s.conversion().orElseThrow().table();
        if (table.firstKey() != low || table.lastKey() != high || table.size() != (int) (high - low) + 1) {
            throw new IllegalArgumentException(id + ": table score " + s.id()
                    + " must have one row for each total from " + (long) low + " to " + (long) high);
        }
        for (Map.Entry<Integer, Double> row : table.entrySet()) {
            double v = row.getValue();
            if (!Double.isFinite(v) || v < s.min() || v > s.max()) {
                throw new IllegalArgumentException(id + ": table score " + s.id() + " converts " + row.getKey() + " to "
                        + v + ", outside " + s.min() + " to " + s.max());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The catalogue id, as {@code Assessment.instrument}. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public InstrumentKind kind() {
        return kind;
    }

    /** Bumped whenever the definition changes how anything is scored. */
    public int definitionVersion() {
        return definitionVersion;
    }

    /** Items in their catalogue order. */
    public List<ItemDefinition> items() {
        return List.copyOf(items.values());
    }

    public Optional<ItemDefinition> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** Scores in their catalogue order. */
    public List<ScoreDefinition> scores() {
        return List.copyOf(scores.values());
    }

    public Optional<ScoreDefinition> score(String scoreId) {
        return Optional.ofNullable(scores.get(scoreId));
    }

    /** The overall result, where the instrument has one (ONS4 has four separate scores instead). */
    public Optional<ScoreDefinition> primaryScore() {
        return scores.values().stream().filter(ScoreDefinition::primary).findFirst();
    }

    public Licence licence() {
        return licence;
    }

    public List<InstrumentCode> codes() {
        return codes;
    }

    public String notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "Instrument[" + id + " v" + definitionVersion + "]";
    }

    /** Builds an instrument; {@link #build()} checks that scores only use defined items. */
    public static final class Builder {
        private String id;
        private String name;
        private InstrumentKind kind;
        private int definitionVersion = 1;
        private final ArrayList<ItemDefinition> items = new ArrayList<>();
        private final ArrayList<ScoreDefinition> scores = new ArrayList<>();
        private Licence licence;
        private final ArrayList<InstrumentCode> codes = new ArrayList<>();
        private String notes;

        private Builder() {}

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder kind(InstrumentKind v) {
            this.kind = v;
            return this;
        }

        public Builder definitionVersion(int v) {
            this.definitionVersion = v;
            return this;
        }

        public Builder item(ItemDefinition v) {
            this.items.add(v);
            return this;
        }

        public Builder score(ScoreDefinition v) {
            this.scores.add(v);
            return this;
        }

        public Builder licence(Licence v) {
            this.licence = v;
            return this;
        }

        public Builder code(InstrumentCode v) {
            this.codes.add(v);
            return this;
        }

        public Builder notes(String v) {
            this.notes = v;
            return this;
        }

        /** @throws IllegalArgumentException if the definition is inconsistent */
        public Instrument build() {
            return new Instrument(this);
        }
    }
}
