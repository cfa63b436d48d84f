package org.linkway.apicheck.cyclea;

import org.linkway.apicheck.cycleb.Right;

/** Half of a package cycle the rules must catch. */
public final class Left {
    private Left() {}

    public static int size(Right right) {
        return right.hashCode();
    }
}
