package org.linkway.conformance.broken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.node.ArrayNode;

/** RR-39 from both sides: the reference server's pages list everything once; an off-by-one cursor fails LW-REF-046 only. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DroppedPageItemVariantTest {

    @RegisterExtension
    static final LinkwayTestServer testServer = LinkwayTestServer.sqlite();

    private SuiteResult run(BreakingProxy.Breakage breakage) {
        return KitRun.through(testServer.server(), breakage, Profile.REFERRAL_RECEIVER, "RR-39");
    }

    @Test
    void the_reference_server_lists_every_referral_once() {
        assertThat(KitRun.outcomes(run(Breakages.none()), "RR-39")).containsExactly(Outcome.PASS);
    }

    @Test
    void a_server_whose_cursor_skips_the_last_item_of_each_page_fails_LW_REF_046_only() {
        BreakingProxy.Breakage offByOne = new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET") || !r.path().startsWith("/v1/referrals?") || reply.status() != 200) {
                    return reply;
                }
                return KitRun.withJson(reply, page -> {
                    ArrayNode items = (ArrayNode) page.path("items");
                    if (page.path("nextCursor").isString() && items.size() > 1) {
                        items.remove(items.size() - 1);
                    }
                });
            }
        };
        SuiteResult result = run(offByOne);
        BrokenVariantsTest.failsExactlyOn(result, "LW-REF-046", Set.of());
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("never listed"));
    }
}
