package org.linkway.conformance.requirement;

import java.util.Optional;
import org.linkway.conformance.Level;
import org.linkway.conformance.Profile;

/**
 * One requirement of the catalogue (requirements.csv).
 *
 * @param id              stable id, {@code LW-<area>-<number>}
 * @param text            the requirement in SHALL/SHOULD wording
 * @param level           SHALL or SHOULD
 * @param tracesTo        the PRSB element(s) or NHS social prescribing capability epic(s) it comes from
 * @param profile         the profile it belongs to
 * @param notTestedReason why no test verifies it, or empty when tests do
 */
public record Requirement(
        String id, String text, Level level, String tracesTo, Profile profile, String notTestedReason) {

    public Optional<String> notTested() {
        return notTestedReason.isBlank() ? Optional.empty() : Optional.of(notTestedReason);
    }
}
