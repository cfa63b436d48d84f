package org.linkway.outcomes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One score an instrument produces: a total, a subscale, or a single item reported on its own.
 *
 * @param id               the score's id within the instrument
 * @param label            what it measures and which way is better, for people
 * @param method           how it is computed from its items
 * @param items            the ids of the items it is computed from
 * @param minItemsAnswered the fewest answered items that still give a score
 * @param min              the lowest possible score
 * @param max              the highest possible score
 * @param better           which way is better
 * @param primary          whether it is the instrument's overall result (PRSB Assessment result / Value)
 * @param minimalImportantChange the smallest change the instrument's authors count as meaningful, if published
 * @param conversion       the published table a {@link ScoringMethod#TABLE} score converts its items' total with
 */
public record ScoreDefinition(
        String id,
        String label,
        ScoringMethod method,
        List<String> items,
        int minItemsAnswered,
        double min,
        double max,
        Direction better,
        boolean primary,
        Optional<Double> minimalImportantChange,
        Optional<Conversion> conversion) {

    /** A score computed from its items alone (every method but {@link ScoringMethod#TABLE}). */
    public ScoreDefinition(
            String id,
            String label,
            ScoringMethod method,
            List<String> items,
            int minItemsAnswered,
            double min,
            double max,
            Direction better,
            boolean primary,
            Optional<Double> minimalImportantChange) {
        this(
                id,
                label,
                method,
                items,
                minItemsAnswered,
                min,
                max,
                better,
                primary,
                minimalImportantChange,
                Optional.empty());
    }

    public ScoreDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(better, "better");
        items = List.copyOf(items);
        Objects.requireNonNull(minimalImportantChange, "minimalImportantChange");
        Objects.requireNonNull(conversion, "conversion");
        if ((method == ScoringMethod.TABLE) != conversion.isPresent()) {
            throw new IllegalArgumentException(
                    "score " + id + ": a table score, and only a table score, has a conversion");
        }
        if (method == ScoringMethod.TABLE && minItemsAnswered != items.size()) {
            throw new IllegalArgumentException(
                    "score " + id + ": a table converts a complete total, so every item must be answered");
        }
        if (items.isEmpty() || minItemsAnswered < 1 || minItemsAnswered > items.size()) {
            throw new IllegalArgumentException("score " + id + ": needs items and 1 <= minItemsAnswered <= items");
        }
        if (method == ScoringMethod.ITEM && items.size() != 1) {
            throw new IllegalArgumentException("score " + id + ": an item score has exactly one item");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("score " + id + ": min must be below max");
        }
    }
}
