package org.linkway.validation.internal.vocab;

import java.util.List;
import java.util.Set;

/**
 * One code list shipped as a data file in {@code schemas/vocabulary/<id>.json}: its codes, in the
 * file's order, and where it came from.
 */
public final class CodeList {

    private final String id;
    private final String title;
    private final String valueSet;
    private final List<String> codes;
    private final Set<String> members;

    CodeList(String id, String title, String valueSet, List<String> codes) {
        this.id = id;
        this.title = title;
        this.valueSet = valueSet;
        this.codes = List.copyOf(codes);
        this.members = Set.copyOf(codes);
    }

    /** The file's id, e.g. {@code nhs-dd-person-stated-gender-code}. */
    public String id() {
        return id;
    }

    /** What the list is, e.g. {@code NHS Data Dictionary PERSON STATED GENDER CODE}. */
    public String title() {
        return title;
    }

    public String valueSet() {
        return valueSet;
    }

    /** The codes, in the order the source lists them. */
    public List<String> codes() {
        return codes;
    }

    public boolean contains(String code) {
        return members.contains(code);
    }

    /** The codes for a finding's message: all of a short list, the first few of a long one. */
    String allowed() {
        int shown = Math.min(codes.size(), 20);
        String some = String.join(", ", codes.subList(0, shown));
        return codes.size() > shown
                ? some + ", ... (" + codes.size() + " codes, see schemas/vocabulary/" + id + ".json)"
                : some;
    }
}
