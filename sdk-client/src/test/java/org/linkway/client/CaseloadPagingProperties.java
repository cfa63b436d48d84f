package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.Referral;
import org.linkway.server.security.Role;

/**
 * Paging a caseload over the real server: whatever the caseload's size and the page size, and
 * even when referrals are assigned to the link worker and others taken from them while the pages
 * are being read, no referral held throughout is lost and none is listed twice.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CaseloadPagingProperties {

    static final String SERVICE = "8EC41";
    static final AtomicInteger WORKERS = new AtomicInteger();

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient worker(String subject) {
        String token = server.token(Role.LINK_WORKER, SERVICE, subject, false);
        return LinkwayClient.builder()
                .baseUrl(server.url())
                .tokenProvider(() -> token)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    static String assignedTo(LinkwayClient as, String subject) {
        String id = as.referrals()
                .create(Fixtures.personReferral(Fixtures.newNhsNumber(), "Y03146", SERVICE))
                .value()
                .getId();
        as.caseload().assign(id, subject);
        return id;
    }

    @Test
    void no_referral_is_lost_or_repeated_across_pages() {
        // shrinking is capped: each step creates referrals on the server
        qt().withFixedSeed(19_019L)
                .withExamples(15)
                .withShrinkCycles(10)
                .forAll(
                        integers().between(0, 9),
                        integers().between(1, 4),
                        integers().between(0, 3))
                .checkAssert(CaseloadPagingProperties::pagesEachOnce);
    }

    private static void pagesEachOnce(int held, int pageSize, int takenAway) {
        String subject = "worker-" + WORKERS.incrementAndGet() + "@eastmere";
        LinkwayClient me = worker(subject);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            kept.add(assignedTo(me, subject));
        }
        List<Versioned<Assignment>> toMove = new ArrayList<>();
        for (int i = 0; i < takenAway; i++) {
            String id = assignedTo(me, subject);
            toMove.add(me.referral(id).assignment().get());
        }

        List<String> listed = new ArrayList<>();
        Set<String> added = new HashSet<>();
        Iterator<Referral> it = me.caseload().mine(pageSize).iterator();
        boolean changed = false;
        while (it.hasNext()) {
            listed.add(it.next().getId());
            if (!changed) {
                // between pages: one more arrives, the ones to move go to a colleague
                changed = true;
                added.add(assignedTo(me, subject));
                for (Versioned<Assignment> a : toMove) {
                    me.caseload().reassign(a, "colleague@eastmere", "Rebalancing the caseloads");
                }
            }
        }

        assertThat(listed).as("no referral twice").doesNotHaveDuplicates();
        assertThat(listed).as("every referral held throughout").containsAll(kept);
        Set<String> allowed = new HashSet<>(kept);
        allowed.addAll(added);
        toMove.forEach(a -> allowed.add(a.value().referralId()));
        assertThat(allowed).containsAll(listed);
        // read again once nothing changes: exactly what the link worker holds, in order of assignment
        List<String> now =
                me.caseload().mine(pageSize).stream().map(Referral::getId).toList();
        List<String> expected = new ArrayList<>(kept);
        expected.addAll(added);
        assertThat(now).containsExactlyElementsOf(expected);
    }
}
