package org.linkway.outcomes;

/** How a score is computed from its items' scored values. */
public enum ScoringMethod {
    /** The sum of the items' scored values. */
    SUM,
    /** The mean of the answered items' scored values. */
    MEAN,
    /** One item's scored value on its own (ONS4's four questions; an external tool's reported result). */
    ITEM,
    /**
     * The sum of the items' scored values, looked up in the score's published conversion table
     * (SWEMWBS raw to metric). Needs every item answered: a partial total has no row.
     */
    TABLE;

    static ScoringMethod fromCode(String code) {
        return switch (code) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            case "item" -> ITEM;
            case "table" -> TABLE;
            default ->
                throw new IllegalArgumentException("method must be sum, mean, item or table, not '" + code + "'");
        };
    }
}
