package org.linkway.server.directory;

/**
 * Why one record of an Open Referral UK feed was not imported.
 *
 * @param recordId the record's {@code id}, or {@code #n} (its place in the feed, from 0) when it has none
 * @param path     where in the record, as a JSON path from the record ({@code $.service_at_locations[0].location.latitude})
 * @param rule     which rule it breaks ({@code required}, {@code type}, {@code enum}, {@code range}, {@code format},
 *                 {@code duplicate})
 * @param message  what is wrong, for a person
 */
public record ImportFinding(String recordId, String path, String rule, String message) {}
