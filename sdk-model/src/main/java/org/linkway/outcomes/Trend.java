package org.linkway.outcomes;

/** Whether a change in a score means the person is doing better, given the score's direction. */
public enum Trend {
    IMPROVED,
    WORSENED,
    UNCHANGED;

    /** The trend of moving from {@code from} to {@code to} on a scale where {@code better} is better. */
    public static Trend of(double from, double to, Direction better) {
        double d = to - from;
        if (Math.abs(d) <= OutcomeScorer.TOLERANCE) {
            return UNCHANGED;
        }
        return (d > 0) == (better == Direction.HIGHER) ? IMPROVED : WORSENED;
    }
}
