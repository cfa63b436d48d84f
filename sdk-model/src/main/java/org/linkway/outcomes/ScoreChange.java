package org.linkway.outcomes;

import java.util.Objects;

/**
 * How one score moved between two administrations.
 *
 * @param scoreId the score
 * @param from    the earlier value
 * @param to      the later value
 * @param better  which way is better on this score
 * @param trend   better, worse or the same
 */
public record ScoreChange(String scoreId, double from, double to, Direction better, Trend trend) {

    public ScoreChange {
        Objects.requireNonNull(scoreId, "scoreId");
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(trend, "trend");
    }

    /** {@code to - from}: positive means the score went up, whichever way is better. */
    public double change() {
        return to - from;
    }

    /** The change signed so that positive is always an improvement (comparable across scales). */
    public double improvement() {
        return better == Direction.HIGHER ? to - from : from - to;
    }
}
