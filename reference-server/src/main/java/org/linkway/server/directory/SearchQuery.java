package org.linkway.server.directory;

import java.util.List;

/**
 * What a directory search asks for; every part is optional and they all must hold.
 *
 * @param words          each must appear in the service's name, description, eligibility, organisation or terms
 * @param category       a taxonomy term's id, code or name
 * @param age            a person's age in years, within the service's minimum and maximum age
 * @param near           a point to measure distance from (ordering nearest first)
 * @param withinMetres   the greatest distance, or null for any (then services without coordinates come last)
 * @param page           1 for the first page
 * @param perPage        services a page
 */
record SearchQuery(
        List<String> words, String category, Double age, Point near, Double withinMetres, int page, int perPage) {

    long offset() {
        return (long) (page - 1) * perPage;
    }
}
