package org.linkway.validation.internal.vocab;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one coded PRSB element is checked, as {@code schemas/vocabulary/bindings.json} says: the
 * code system it must use, the list it must come from or the value set a terminology server is
 * asked about, and the form its codes take.
 */
public final class Binding {

    /** How membership is decided. */
    public enum Membership {
        /** Against a list shipped in schemas/vocabulary. */
        SHIPPED,
        /** By a {@code TerminologyService}, when one is given; otherwise the form only. */
        TERMINOLOGY_SERVER,
        /** Any concept of the code system will do (PRSB names no list). */
        ANY_CONCEPT,
        /** A UCUM unit expression. */
        UCUM
    }

    private final String element;
    private final Membership membership;
    private final String system;
    private final Set<String> alsoAllowedSystems;
    private final CodeList list;
    private final String valueSet;
    private final Pattern format;
    private final String prsbWords;

    Binding(
            String element,
            Membership membership,
            String system,
            Set<String> alsoAllowedSystems,
            CodeList list,
            String valueSet,
            Pattern format,
            String prsbWords) {
        this.element = element;
        this.membership = membership;
        this.system = system;
        this.alsoAllowedSystems = Set.copyOf(alsoAllowedSystems);
        this.list = list;
        this.valueSet = valueSet;
        this.format = format;
        this.prsbWords = prsbWords;
    }

    /** The PRSB element, as its path in elements.tsv. */
    public String element() {
        return element;
    }

    public Membership membership() {
        return membership;
    }

    /** The code system a coding must name, or null for a bare code (an NHS Data Dictionary list). */
    public String system() {
        return system;
    }

    /** Other systems accepted on purpose (Linkway's outcome-score codes), each a documented deliberate difference. */
    public Set<String> alsoAllowedSystems() {
        return alsoAllowedSystems;
    }

    /** The shipped list, for {@link Membership#SHIPPED}; null otherwise. */
    public CodeList list() {
        return list;
    }

    /** The value set to ask a terminology server about, or null. */
    public String valueSet() {
        return valueSet;
    }

    /** The form every code must have, or null. */
    public Pattern format() {
        return format;
    }

    /** What PRSB names, in short (e.g. "^1127581000000103 health issues simple reference set"). */
    public String prsbWords() {
        return prsbWords;
    }

    boolean isSnomed() {
        return SnomedSystem.URI.equals(system);
    }
}
