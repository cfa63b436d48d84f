package org.linkway.outcomes;

/** Who computes an instrument's scores. */
public enum InstrumentKind {
    /** Linkway computes the scores from the item answers. */
    ITEM_SCORED("item-scored"),
    /**
     * A licensed tool computes them (PAM, Outcomes Star, EQ-5D); Linkway records the results it
     * reports, range-checked, and never the tool's content.
     */
    EXTERNALLY_SCORED("externally-scored");

    private final String code;

    InstrumentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static InstrumentKind fromCode(String code) {
        for (InstrumentKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be item-scored or externally-scored, not '" + code + "'");
    }
}
