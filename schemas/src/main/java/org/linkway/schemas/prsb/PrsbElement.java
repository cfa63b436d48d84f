package org.linkway.schemas.prsb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * One element of the PRSB information model: a group or an item, with the cardinality, the
 * MRO flag and the value constraints the standard publishes for it.
 */
final class PrsbElement {

    /** Separator PRSB paths use between element names, as in {@code elements.tsv}. */
    public static final String PATH_SEPARATOR = " / ";

    private final String path;
    private final String name;
    private final boolean group;
    private final int min;
    private final boolean many;
    private final String mro;
    private final String valueType;
    private final Integer maxLength;
    private final String valueSet;
    private final String description;
    private final PrsbElement parent;
    private final List<PrsbElement> children = new ArrayList<>();
    private Integer minLength;
    private String precision = "";

    PrsbElement(
            String path,
            boolean group,
            int min,
            boolean many,
            String mro,
            String valueType,
            Integer maxLength,
            String valueSet,
            String description,
            PrsbElement parent) {
        this.path = path;
        int cut = path.lastIndexOf(PATH_SEPARATOR);
        this.name = cut < 0 ? path : path.substring(cut + PATH_SEPARATOR.length());
        this.group = group;
        this.min = min;
        this.many = many;
        this.mro = mro;
        this.valueType = valueType;
        this.maxLength = maxLength;
        this.valueSet = valueSet;
        this.description = description;
        this.parent = parent;
    }

    public String path() {
        return path;
    }

    public String name() {
        return name;
    }

    public boolean isGroup() {
        return group;
    }

    public int min() {
        return min;
    }
    /** True when the standard allows more than one (max {@code *}). */
    public boolean isRepeating() {
        return many;
    }
    /** M (mandatory), R (required: record if available), O (optional) or empty where PRSB gives none. */
    public String mro() {
        return mro;
    }

    public boolean isMandatory() {
        return "M".equals(mro);
    }
    /** PRSB value type (string, text, date, datetime, boolean, decimal, quantity, identifier) or empty. */
    public String valueType() {
        return valueType;
    }

    public OptionalInt maxLength() {
        return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
    }

    /** PRSB's minimum length, where its model gives one (elements.tsv does not carry it). */
    public OptionalInt minLength() {
        return minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength);
    }

    /**
     * PRSB's precision for a date or date and time ({@code YM}: at least the month, {@code YMD}:
     * the day, {@code YMDHM}: the minute; a trailing {@code !} means exactly), or empty.
     */
    public String precision() {
        return precision;
    }

    void valueDomain(String minLength, String precision) {
        this.minLength = minLength.isEmpty() ? null : Integer.valueOf(minLength);
        this.precision = precision;
    }

    public String valueSet() {
        return valueSet;
    }

    public String description() {
        return description;
    }

    public PrsbElement parent() {
        return parent;
    }

    public List<PrsbElement> children() {
        return Collections.unmodifiableList(children);
    }

    public String section() {
        int cut = path.indexOf(PATH_SEPARATOR);
        return cut < 0 ? path : path.substring(0, cut);
    }

    void addChild(PrsbElement child) {
        children.add(child);
    }

    /** The cardinality as PRSB writes it, e.g. {@code 0..*}. */
    public String cardinality() {
        return min + ".." + (many ? "*" : "1");
    }

    @Override
    public String toString() {
        return path;
    }
}
