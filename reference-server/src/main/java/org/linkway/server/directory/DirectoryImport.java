package org.linkway.server.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linkway.server.http.Json;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Store;
import tools.jackson.databind.JsonNode;

/**
 * Imports an Open Referral UK feed into the directory, in one transaction.
 *
 * <p>A record that breaks the ORUK shape is skipped with its findings and the others go in: one
 * bad service in a local authority's feed of hundreds should not keep the rest out of date. A
 * record is never half in: it is checked whole before anything is written, and if the database
 * fails, the whole import rolls back and nothing of it is written.
 */
public final class DirectoryImport {

    private final Store store;
    private final Clock clock;

    public DirectoryImport(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The services of a feed: a JSON array of services, one ORUK page (an object with
     * {@code contents}), or a single service; empty if the feed is none of these.
     */
    public static Optional<List<JsonNode>> records(JsonNode feed) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode items = feed != null && feed.isObject() && feed.has("contents") ? feed.get("contents") : feed;
        if (items == null) {
            return Optional.empty();
        }
        if (items.isArray()) {
            items.forEach(out::add);
        } else if (items.isObject()) {
            out.add(items);
        } else {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** Checks every record, then writes the good ones in one transaction. */
    public ImportReport run(List<JsonNode> records, String source) {
        List<ImportFinding> findings = new ArrayList<>();
        List<JsonNode> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            List<ImportFinding> found = OrukRules.check(record, i);
            if (found.isEmpty() && !seen.add(record.path("id").asString())) {
                found = List.of(new ImportFinding(
                        record.path("id").asString(),
                        "$.id",
                        "duplicate",
                        "the feed lists this id twice; the first is kept"));
            }
            findings.addAll(found);
            if (found.isEmpty()) {
                good.add(record);
            }
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        int[] counts = store.transaction(tx -> {
            DirectoryStore tables = new DirectoryStore(SqlAccess.connection(tx));
            int[] n = new int[3];
            for (JsonNode service : good) {
                DirectoryStore.Outcome outcome = tables.put(
                        service.path("id").asString(), Json.write(service), ServiceIndex.of(service), source, micros);
                n[outcome.ordinal()]++;
            }
            return n;
        });
        return new ImportReport(
                source,
                records.size(),
                counts[0],
                counts[1],
                counts[2],
                records.size() - good.size(),
                List.copyOf(findings));
    }
}
