package org.linkway.apicheck.cycleb;

import org.linkway.apicheck.cyclea.Left;

/** The other half of the package cycle. */
public final class Right {
    private Right() {}

    public static Class<?> partner() {
        return Left.class;
    }
}
