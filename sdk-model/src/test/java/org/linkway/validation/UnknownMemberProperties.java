package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageType;
import org.linkway.testing.Gens;
import org.quicktheories.core.Gen;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule for members a schema does not define: an error when the message declares this
 * reader's version (or an older one; 1.0.0 is the first, so "older" is a patch of it), a warning
 * only when it declares a newer minor, and a newer major is refused by its version already.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnknownMemberProperties {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    /** Objects of the minimal referral a member can be added to, by JSON pointer. */
    private static final List<String> PLACES = List.of(
            "",
            "/personDemographics",
            "/personDemographics/name",
            "/gpPractice/entries/0",
            "/referralDetails/entries/0/referrerDetails",
            "/risks/entries/0/risk");

    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    /** Names no schema defines: a prefix no Linkway member has, then anything (slashes and tildes included). */
    private static Gen<String> unknownNames() {
        return Gens.anyText(30).map(s -> "zz" + s);
    }

    private static Gen<String> versions() {
        return integers()
                .between(1, 3)
                .zip(
                        integers().between(0, 12),
                        integers().between(0, 12),
                        (major, minor, patch) -> major + "." + minor + "." + patch);
    }

    @Test
    void unknown_members_are_errors_unless_a_newer_minor_is_declared() {
        qt().withFixedSeed(17_301L)
                .withExamples(400)
                .forAll(unknownNames(), integers().between(0, PLACES.size() - 1), versions())
                .checkAssert(this::judgedByTheDeclaredVersion);
    }

    private void judgedByTheDeclaredVersion(String name, int place, String version) {
        ObjectNode m = Fixtures.minimalReferral();
        m.put("schemaVersion", version);
        ((ObjectNode) m.at(PLACES.get(place))).put(name, "x");
        ValidationResult result = validator.validate(m.toString());
        String pointer = PLACES.get(place) + "/" + name.replace("~", "~0").replace("/", "~1");

        List<Finding> unknown = result.findings().stream()
                .filter(f -> f.ruleId().equals("LW-UNKNOWN-PROPERTY"))
                .toList();
        assertThat(unknown).as(result.toString()).hasSize(1);
        Finding f = unknown.get(0);
        assertThat(f.pointer()).isEqualTo(pointer);
        assertThat(f.message()).contains("'" + name + "'");

        String[] parts = version.split("\\.");
        String[] ours = MessageType.SCHEMA_VERSION.split("\\.");
        boolean newerMinor = parts[0].equals(ours[0]) && Integer.parseInt(parts[1]) > Integer.parseInt(ours[1]);
        boolean otherMajor = !parts[0].equals(ours[0]);
        assertThat(f.severity()).as(result.toString()).isEqualTo(newerMinor ? Severity.WARNING : Severity.ERROR);
        assertThat(result.isValid()).isEqualTo(newerMinor);
        if (otherMajor) {
            assertThat(result.errors()).extracting(Finding::ruleId).contains("LW-SCHEMA-VERSION");
        }
    }
}
