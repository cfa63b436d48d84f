package org.linkway.outcomes;

import java.util.Objects;

/**
 * Who holds an instrument's rights and what that means for using it through Linkway.
 *
 * @param holder                 the rights holder
 * @param summary                what a user must do (register, buy a licence) and what Linkway leaves out
 * @param itemWordingShipped     whether the catalogue carries the instrument's own item wording (never, today)
 * @param conversionTableShipped whether the catalogue carries a conversion table (SWEMWBS's, which Warwick publishes openly)
 */
public record Licence(String holder, String summary, boolean itemWordingShipped, boolean conversionTableShipped) {

    public Licence {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(summary, "summary");
    }
}
