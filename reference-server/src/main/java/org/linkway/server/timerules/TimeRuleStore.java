package org.linkway.server.timerules;

import java.util.Optional;
import org.linkway.server.http.Json;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;

/**
 * Where each link worker service's rules are kept: a resource of type {@value #TYPE} whose id is the
 * service's organisation code, so every version is kept and {@code If-Match} guards it like any
 * other resource. No resource: the service has the {@link TimeRules#DEFAULTS}, at version 0.
 */
final class TimeRuleStore {

    static final String TYPE = "TimeRules";

    /** A service's rules and their version (0: the defaults, never set). */
    record Versioned(TimeRules rules, long version) {}

    private TimeRuleStore() {}

    static Versioned read(Tx tx, String organisation) {
        Optional<StoredResource> stored = tx.get(TYPE, organisation);
        return stored.map(r -> new Versioned(TimeRules.fromStored(Json.MAPPER.readTree(r.body())), r.version()))
                .orElse(new Versioned(TimeRules.DEFAULTS, 0));
    }
}
