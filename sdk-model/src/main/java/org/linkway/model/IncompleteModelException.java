package org.linkway.model;

import java.util.List;

/**
 * A programmer error: {@code build()} was called on a model builder before every member the
 * schema requires was set (a required list counts as unset while it is empty). The message and
 * {@link #missing()} name every such member by its JSON name, not just the first.
 *
 * <p>Messages read from JSON never throw this: they are read as sent, and the validator reports
 * what is missing as findings.
 */
public final class IncompleteModelException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final List<String> missing;

    IncompleteModelException(Class<?> type, List<String> missing) {
        super(type.getSimpleName() + " is missing required " + (missing.size() == 1 ? "member " : "members ")
                + String.join(", ", missing));
        this.type = type;
        this.missing = List.copyOf(missing);
    }

    /**
     * The model type whose builder was incomplete, e.g. {@code PersonName.class}.
     *
     * @return the type
     */
    public Class<?> type() {
        return type;
    }

    /**
     * The JSON names of the required members that were missing, in schema order.
     *
     * @return an unmodifiable list, never empty
     */
    public List<String> missing() {
        return missing;
    }
}
