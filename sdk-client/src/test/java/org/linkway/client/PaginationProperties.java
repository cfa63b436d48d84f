package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.model.Referral;

/** Auto-paging over the real server: every referral once, in as many requests as the page size makes. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PaginationProperties {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;

    @BeforeAll
    static void start() {
        client = server.client();
    }

    @Test
    void every_referral_is_listed_exactly_once_in_full_pages() {
        // shrinking is capped: each step creates referrals on the server
        qt().withFixedSeed(6_301L)
                .withExamples(20)
                .withShrinkCycles(20)
                .forAll(integers().between(0, 11), integers().between(1, 4))
                .checkAssert(PaginationProperties::listsEachOnce);
    }

    @Test
    void iteration_is_lazy_and_stops_fetching_when_the_caller_stops() {
        qt().withFixedSeed(6_302L)
                .withExamples(10)
                .forAll(integers().between(1, 3))
                .checkAssert(PaginationProperties::isLazy);
    }

    private static void listsEachOnce(int count, int pageSize) {
        String org = Fixtures.freshOrg();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < count; i++) {
            created.add(client.referrals()
                    .create(Fixtures.referral("page-" + i, org))
                    .value()
                    .getId());
        }
        PagedIterable<Referral> list = client.referrals()
                .list(ReferralQuery.builder()
                        .referrerOrg(org)
                        .pageSize(pageSize)
                        .build());

        List<String> listed = list.stream().map(Referral::getId).toList();
        List<Page<Referral>> pages = new ArrayList<>();
        list.pages().forEach(pages::add);

        assertThat(listed).hasSize(count).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).hasSize(Math.max(1, (count + pageSize - 1) / pageSize));
        assertThat(pages.subList(0, pages.size() - 1))
                .allSatisfy(p -> assertThat(p.items()).hasSize(pageSize));
        assertThat(pages.get(pages.size() - 1).hasNext()).isFalse();
    }

    private static void isLazy(int take) {
        List<String> cursors = new ArrayList<>();
        // a source that would page forever: only what is consumed may be fetched
        PagedIterable<Integer> endless = new PagedIterable<>(cursor -> {
            cursors.add(cursor);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            return CompletableFuture.completedFuture(
                    new Page<>(List.of(from, from + 1), Integer.toString(from + 2), "r"));
        });

        assertThat(endless.stream().limit(take * 2L).toList()).hasSize(take * 2);
        assertThat(cursors).hasSize(take);
    }
}
