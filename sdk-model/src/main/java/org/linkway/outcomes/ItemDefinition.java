package org.linkway.outcomes;

import java.util.Objects;

/**
 * One item of an instrument: the range its answers take and whether it is reverse-scored.
 *
 * @param id      the item's id, as {@code Assessment.itemResponses[].item}
 * @param label   a Linkway topic label, never the instrument's own wording
 * @param min     the lowest answer
 * @param max     the highest answer
 * @param integer whether answers must be whole numbers
 * @param reverse whether the item is scored as {@code min + max - answer}
 */
public record ItemDefinition(String id, String label, double min, double max, boolean integer, boolean reverse) {

    public ItemDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (!(min < max)) {
            throw new IllegalArgumentException("item " + id + ": min must be below max");
        }
    }

    /** Whether an answer is one this item allows. */
    public boolean allows(double answer) {
        return Double.isFinite(answer) && answer >= min && answer <= max && (!integer || answer == Math.rint(answer));
    }

    /**
     * The value an answer contributes to scores: the answer itself, or {@code min + max - answer}
     * for a reverse-scored item. Applying the reversal twice gives the answer back.
     */
    public double scored(double answer) {
        return reverse ? reverse(answer) : answer;
    }

    /** The reversal on this item's range, whether or not the item is reverse-scored. */
    public double reverse(double answer) {
        return min + max - answer;
    }
}
