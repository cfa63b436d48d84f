package org.linkway.server.consent;

import java.util.List;
import org.linkway.server.http.Json;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the consent decisions and onward referrals stored before the ledger existed into it, once,
 * before the server answers its first request (a database migrated to V8 says it has not been
 * done). Each batch commits on its own; a crash part-way leaves the flag unset, so the next start
 * carries on where this one stopped.
 */
public final class LedgerBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBackfill.class);
    private static final int BATCH = 500;

    private LedgerBackfill() {}

    /** Returns how many records were read in. */
    public static int run(Store store) {
        if (store.read(tx -> tx.consents().backfilled())) {
            return 0;
        }
        int total = 0;
        while (true) {
            int done = store.transaction(tx -> {
                List<StoredResource> batch = tx.consents().notYetInLedger(BATCH);
                for (StoredResource r : batch) {
                    ConsentLedger.readIn(tx, r, Json.MAPPER.readTree(r.body()));
                }
                if (batch.isEmpty()) {
                    tx.consents().markBackfilled();
                }
                return batch.size();
            });
            if (done == 0) {
                break;
            }
            total += done;
        }
        if (total > 0) {
            LOG.info("consent ledger: read in {} consent decisions and onward referrals stored before it", total);
        }
        return total;
    }
}
