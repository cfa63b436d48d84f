package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.linkway.model.Referral;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Auto-paging over the real server: every referral once, in as many requests as the page size makes. */
class PaginationProperties {

    static TestServer server;
    static LinkwayClient client;

    @BeforeContainer
    static void start() {
        server = TestServer.start();
        client = server.client();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 20)
    void every_referral_is_listed_exactly_once_in_full_pages(@ForAll @IntRange(min = 0, max = 11) int count,
                                                             @ForAll @IntRange(min = 1, max = 4) int pageSize) {
        String org = Fixtures.freshOrg();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < count; i++) {
            created.add(client.referrals().create(Fixtures.referral("page-" + i, org)).value().getId());
        }
        PagedIterable<Referral> list = client.referrals().list(ReferralQuery.builder().referrerOrg(org).pageSize(pageSize).build());

        List<String> listed = list.stream().map(Referral::getId).toList();
        List<Page<Referral>> pages = new ArrayList<>();
        list.pages().forEach(pages::add);

        assertThat(listed).hasSize(count).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).hasSize(Math.max(1, (count + pageSize - 1) / pageSize));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.items()).hasSize(pageSize));
        assertThat(pages.get(pages.size() - 1).hasNext()).isFalse();
    }

    @Property(tries = 10)
    void iteration_is_lazy_and_stops_fetching_when_the_caller_stops(@ForAll @IntRange(min = 1, max = 3) int take) {
        List<String> cursors = new ArrayList<>();
        // a source that would page forever: only what is consumed may be fetched
        PagedIterable<Integer> endless = new PagedIterable<>(cursor -> {
            cursors.add(cursor);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            return java.util.concurrent.CompletableFuture.completedFuture(new Page<>(List.of(from, from + 1), Integer.toString(from + 2), "r"));
        });

        assertThat(endless.stream().limit(take * 2L).toList()).hasSize(take * 2);
        assertThat(cursors).hasSize(take);
    }
}
