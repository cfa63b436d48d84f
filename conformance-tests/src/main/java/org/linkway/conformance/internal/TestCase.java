package org.linkway.conformance.internal;

import java.util.List;
import org.linkway.conformance.Level;
import org.linkway.conformance.Profile;

/**
 * One conformance test: a stable id, what it shows, the requirements it verifies, and its body.
 * Ids are never reused for a different check, so results stay comparable across kit versions.
 */
public record TestCase(String id, String title, Profile profile, Level level, List<String> requirements, Body body) {

    /** The test itself: returns normally for a pass, throws {@link CheckFailed} or {@link Verdict} otherwise. */
    @FunctionalInterface
    public interface Body {
        void run(Ctx ctx);
    }

    public TestCase {
        requirements = List.copyOf(requirements);
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException(id + " verifies no requirement");
        }
    }

    public static TestCase shall(String id, Profile profile, String title, List<String> requirements, Body body) {
        return new TestCase(id, title, profile, Level.SHALL, requirements, body);
    }

    public static TestCase should(String id, Profile profile, String title, List<String> requirements, Body body) {
        return new TestCase(id, title, profile, Level.SHOULD, requirements, body);
    }
}
