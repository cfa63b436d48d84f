package org.linkway.validation.internal.vocab;

import java.util.Optional;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.TerminologyService;
import org.linkway.validation.checks.SnomedConceptId;

/**
 * The vocabulary rules on one message: codes from the lists PRSB names, coding systems (exact
 * URIs, near misses named), SNOMED CT concept ids, UCUM units, and, for the value sets Linkway
 * cannot ship, the user's {@link TerminologyService}. One instance per message; every finding
 * names the element (PRSB path and JSON pointer), the code and the list.
 */
public final class VocabularyChecks {

    /** Where findings go; the validator's own collector. */
    @FunctionalInterface
    public interface Sink {
        void add(Rule rule, Severity severity, String pointer, String prsbPath, String message);
    }

    private final Sink out;
    private final TerminologyService terminology;

    private VocabularyChecks(Sink out, TerminologyService terminology) {
        this.out = out;
        this.terminology = terminology;
    }

    /** Checks for one message; {@code terminology} may be null (forms only for unshipped value sets). */
    public static VocabularyChecks create(Sink out, TerminologyService terminology) {
        return new VocabularyChecks(out, terminology);
    }

    /** A bare code (a string element bound to a list, or a unit), at {@code at}. */
    public void code(Binding b, String value, CharSequence at, String prsbPath) {
        switch (b.membership()) {
            case SHIPPED:
                if (!b.list().contains(value)) {
                    notInList(b, value, at.toString(), prsbPath);
                }
                break;
            case UCUM:
                UcumUnits.problem(value)
                        .ifPresent(why -> out.add(
                                Rule.UCUM_UNIT,
                                Rule.UCUM_UNIT.severity(),
                                at.toString(),
                                prsbPath,
                                name(b) + " is " + quote(value) + ", which is not a UCUM unit (" + why
                                        + "). Use a UCUM code such as {score}, 1 or kg; see ucum.org."));
                break;
            case TERMINOLOGY_SERVER:
                if (formatOk(b, value, at, prsbPath)) {
                    ask(b, null, value, at, prsbPath);
                }
                break;
            default:
                break;
        }
    }

    /**
     * A coding ({@code system} and {@code code} members) at {@code at}. {@code b} is null where the
     * element names no system: then only a SNOMED CT system (or a near miss of it) is checked.
     */
    public void coding(Binding b, String system, String code, CharSequence at, String prsbPath) {
        if (system == null || code == null) {
            return; // missing members are reported by the schema checks
        }
        if (b == null || b.system() == null) {
            boolean snomed = SnomedSystem.URI.equals(system);
            Optional<String> slip = SnomedSystem.nearMiss(system, SnomedSystem.URI);
            slip.ifPresent(why -> nearMiss(b, system, SnomedSystem.URI, why, at, prsbPath));
            if (snomed || slip.isPresent()) {
                conceptId(code, at, prsbPath);
            }
            return;
        }
        boolean exact = b.system().equals(system);
        if (!exact && b.alsoAllowedSystems().contains(system)) {
            return;
        }
        if (!exact) {
            for (String other : b.alsoAllowedSystems()) {
                Optional<String> slip = SnomedSystem.nearMiss(system, other);
                if (slip.isPresent()) {
                    nearMiss(b, system, other, slip.get(), at, prsbPath);
                    return; // its codes are the other system's, not concept ids
                }
            }
        }
        if (!exact) {
            Optional<String> slip = SnomedSystem.nearMiss(system, b.system());
            if (slip.isPresent()) {
                nearMiss(b, system, b.system(), slip.get(), at, prsbPath);
            } else {
                out.add(
                        Rule.CODE_SYSTEM,
                        Rule.CODE_SYSTEM.severity(),
                        at + "/system",
                        prsbPath,
                        name(b) + " is coded in " + quote(system) + ", but PRSB codes it in "
                                + systemName(b.system()) + " (" + b.prsbWords() + "): use system "
                                + quote(b.system()) + (b.isSnomed() ? " and a SNOMED CT concept." : "."));
            }
        }
        // the concept id is checked whatever the system says: a near miss usually carries a real concept
        boolean formOk = b.isSnomed() ? conceptId(code, at, prsbPath) : formatOk(b, code, at + "/code", prsbPath);
        if (!exact || !formOk) {
            return;
        }
        if (b.membership() == Binding.Membership.SHIPPED) {
            if (!b.list().contains(code)) {
                notInList(b, code, at + "/code", prsbPath);
            }
        } else if (b.membership() == Binding.Membership.TERMINOLOGY_SERVER) {
            ask(b, system, code, at + "/code", prsbPath);
        }
    }

    private boolean conceptId(String code, CharSequence at, String prsbPath) {
        Optional<String> problem = SnomedConceptId.problem(code);
        problem.ifPresent(m -> out.add(
                Rule.SNOMED_CONCEPT_ID,
                Rule.SNOMED_CONCEPT_ID.severity(),
                at + "/code",
                prsbPath,
                "SNOMED CT code '" + code + "': " + m));
        return problem.isEmpty();
    }

    private boolean formatOk(Binding b, String code, CharSequence at, String prsbPath) {
        if (b.format() == null || b.format().matcher(code).matches()) {
            return true;
        }
        out.add(
                Rule.FORMAT,
                Rule.FORMAT.severity(),
                at.toString(),
                prsbPath,
                name(b) + " is " + quote(code) + ", which is not in the form of " + b.prsbWords() + " (" + b.format()
                        + ").");
        return false;
    }

    private void ask(Binding b, String system, String code, CharSequence at, String prsbPath) {
        if (terminology == null || b.valueSet() == null) {
            return;
        }
        TerminologyService.Answer answer;
        try {
            answer = terminology.validateCode(system, code, b.valueSet());
        } catch (RuntimeException e) {
            answer = TerminologyService.Answer.unknown("the terminology service failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (answer == null) {
            answer = TerminologyService.Answer.unknown("the terminology service gave no answer");
        }
        String said = answer.message().isEmpty() ? "" : " (" + answer.message() + ")";
        switch (answer.status()) {
            case NOT_A_MEMBER:
                out.add(
                        Rule.CODE_NOT_IN_LIST,
                        Rule.CODE_NOT_IN_LIST.severity(),
                        at.toString(),
                        prsbPath,
                        name(b) + " is " + quote(code) + ", which the terminology service says is not in "
                                + b.prsbWords() + " (" + b.valueSet() + ")" + said + ".");
                break;
            case UNKNOWN:
                out.add(
                        Rule.CODE_UNCHECKED,
                        Rule.CODE_UNCHECKED.severity(),
                        at.toString(),
                        prsbPath,
                        name(b) + " " + quote(code) + ": format checked; membership of " + b.prsbWords() + " ("
                                + b.valueSet() + ") needs a terminology server" + said + ".");
                break;
            default:
                break;
        }
    }

    private void notInList(Binding b, String code, String pointer, String prsbPath) {
        CodeList list = b.list();
        out.add(
                Rule.CODE_NOT_IN_LIST,
                Rule.CODE_NOT_IN_LIST.severity(),
                pointer,
                prsbPath,
                name(b) + " is " + quote(code) + ", which is not a code in " + list.title() + " (list " + list.id()
                        + "); use one of " + list.allowed() + ".");
    }

    private void nearMiss(Binding b, String given, String meant, String why, CharSequence at, String prsbPath) {
        out.add(
                Rule.CODE_SYSTEM,
                Rule.CODE_SYSTEM.severity(),
                at + "/system",
                prsbPath,
                (b == null ? "the coding's system" : name(b) + "'s system") + " is " + quote(given)
                        + ", a near miss for " + quote(meant) + " (" + why + "): receivers compare systems exactly, "
                        + "so use " + quote(meant) + " as it is.");
    }

    /** The element as a reader of the standard names it: "'Gender'", "'Goal status'", "'Problem' (coded value)". */
    static String name(Binding b) {
        String path = b.element();
        int cut = path.lastIndexOf(" / ");
        String last = cut < 0 ? path : path.substring(cut + 3);
        if (last.equals("Coded value") && cut > 0) {
            String parent = path.substring(0, cut);
            int up = parent.lastIndexOf(" / ");
            return "'" + (up < 0 ? parent : parent.substring(up + 3)) + "' (coded value)";
        }
        return "'" + last + "'";
    }

    private static String systemName(String system) {
        return SnomedSystem.URI.equals(system) ? "SNOMED CT" : quote(system);
    }

    private static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
