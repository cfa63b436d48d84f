package org.linkway.outcomes;

import java.util.Objects;

/**
 * One computed (or, for an externally scored tool, recorded) score.
 *
 * @param id            the score's id in the instrument
 * @param value         the score
 * @param itemsAnswered how many of its items had a usable answer
 * @param definition    the score's definition (range, direction of better)
 */
public record Score(String id, double value, int itemsAnswered, ScoreDefinition definition) {

    public Score {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
    }

    public Direction better() {
        return definition.better();
    }
}
