package org.linkway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.linkway.server.http.Json;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Development mode's demo data: the example referrals shipped with the schemas, loaded into an empty database. */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Invented people only: the examples shipped with the schemas. */
    private static final String[] REFERRALS = {
        "/org/linkway/schemas/examples/valid/referral--full-gp-loneliness.json",
        "/org/linkway/schemas/examples/valid/referral--hospital-discharge-carer.json",
        "/org/linkway/schemas/examples/valid/referral--minimal-self-referral.json"
    };

    private DemoData() {}

    /** Creates the demo referrals through {@code referrals} (validated, with their events) unless the store holds any referral. */
    static void loadIfEmpty(Store store, ReferralService referrals) {
        boolean empty = store.read(
                        tx -> tx.list(ListQuery.of(ReferralService.TYPE).limit(1)))
                .items()
                .isEmpty();
        if (!empty) {
            return;
        }
        for (String resource : REFERRALS) {
            try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
                if (in != null) {
                    // the examples are referrals as a service holds them; a sender does not choose our id
                    ObjectNode referral = (ObjectNode) Json.MAPPER.readTree(in.readAllBytes());
                    referral.remove(List.of("id", "status"));
                    referrals.create(Json.MAPPER.writeValueAsBytes(referral), "demo:" + resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LOG.info("loaded {} demo referrals (invented people)", REFERRALS.length);
    }
}
