package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.Referral;
import org.linkway.server.security.Role;

/** Following the real server's event log: in order, resumable from a stored sequence, patient while quiet. */
class EventPollerTest {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;

    @BeforeAll
    static void start() {
        client = server.client();
    }

    @Test
    void the_poller_hands_out_every_event_in_order_and_resumes_from_a_stored_position() {
        long start = latest();
        Versioned<Referral> created = client.referrals().create(Fixtures.referral("poll-1"));
        client.referrals().transition(created, Referral.Status.ACCEPTED);
        client.referrals().create(Fixtures.referral("poll-2"));

        EventPoller poller =
                client.events().pollerBuilder().after(start).pageSize(1).build();
        List<Event> firstTwo = poller.stream().limit(2).toList();
        long stored = poller.position();
        EventPoller resumed = client.events().poller(stored);
        Event third = resumed.next();

        assertThat(firstTwo).extracting(Event::type).containsExactly("referral.received", "referral.status-changed");
        assertThat(firstTwo.get(0).referralId()).isEqualTo(created.value().getId());
        assertThat(stored).isEqualTo(firstTwo.get(1).sequence());
        assertThat(third.type()).isEqualTo("referral.received");
        assertThat(third.sequence()).isGreaterThan(stored);
        assertThat(resumed.poll()).isEmpty();
    }

    @Test
    void while_the_log_is_quiet_it_waits_longer_each_time_up_to_the_cap_and_hurries_once_events_flow() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        long start = latest();
        List<String> created = new ArrayList<>();
        // the sleeper stands in for time passing: on the fifth quiet wait, a referral arrives
        Sleeper sleeper = d -> {
            waits.add(d);
            if (waits.size() == 5) {
                created.add(client.referrals()
                        .create(Fixtures.referral("poll-late"))
                        .value()
                        .getId());
            }
            return CompletableFuture.completedFuture(null);
        };
        EventPoller poller = client.events()
                .pollerBuilder()
                .after(start)
                .waits(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .sleeper(sleeper)
                .build();

        Event arrived = poller.next();

        assertThat(arrived.referralId()).isEqualTo(created.get(0));
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
        assertThat(poller.quietWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void poll_never_waits_and_list_pages_from_a_sequence() {
        long start = latest();
        client.referrals().create(Fixtures.referral("poll-page"));
        EventPoller poller = client.events().poller(start);

        assertThat(poller.poll()).extracting(Event::type).containsExactly("referral.received");
        assertThat(poller.poll()).isEmpty();
        EventPage page = client.events().list(start, 10);
        assertThat(page.items()).hasSize(1);
        assertThat(page.next()).isEqualTo(page.items().get(0).sequence()).isEqualTo(poller.position());
        assertThat(client.events().list(page.next(), 10).next()).isEqualTo(page.next());
        assertThatThrownBy(() -> client.events().list(-1, 10))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("after");
    }

    /**
     * A referrer on a busy server: the log between its events is other organisations' referrals,
     * so the server answers pages with no events whose next moves on; the poller follows them at
     * once (no quiet wait), moves its position past them, and reaches the referrer's own event.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void the_poller_advances_through_pages_with_none_of_the_callers_events() {
        String org = Fixtures.freshOrg();
        LinkwayClient referrer = server.clientBuilder(server.url())
                .tokenProvider(() -> server.token(Role.REFERRER, org))
                .build();
        long start = latest();
        for (int i = 0; i < 650; i++) {
            client.referrals().create(Fixtures.referral("busy-" + i, Fixtures.freshOrg()));
        }
        long crowded = latest();
        String mine = referrer.referrals()
                .create(Fixtures.referral("busy-mine", org))
                .value()
                .getId();

        EventPage first = referrer.events().list(start, 1);
        assertThat(first.items())
                .as("the first page scanned only others' events")
                .isEmpty();
        assertThat(first.next()).isGreaterThan(start).isLessThan(crowded);

        List<Duration> waits = new CopyOnWriteArrayList<>();
        EventPoller poller = referrer.events()
                .pollerBuilder()
                .after(start)
                .pageSize(1)
                .sleeper(d -> {
                    waits.add(d);
                    return CompletableFuture.completedFuture(null);
                })
                .build();
        Event event = poller.next();
        assertThat(event.referralId()).isEqualTo(mine);
        assertThat(waits)
                .as("no quiet waits while the server was passing over others' events")
                .isEmpty();

        EventPoller caughtUp = referrer.events().poller(start);
        caughtUp.poll();
        assertThat(caughtUp.position()).isGreaterThan(start);
        while (!caughtUp.poll().isEmpty() || caughtUp.position() < event.sequence()) {
            // follows the empty pages to the end
        }
        assertThat(caughtUp.position()).isEqualTo(event.sequence());
        client.referrals().create(Fixtures.referral("busy-after", Fixtures.freshOrg()));
        assertThat(caughtUp.poll()).isEmpty();
        assertThat(caughtUp.position())
                .as("past others' events, so a stored position resumes after them")
                .isGreaterThan(event.sequence());
    }

    private static long latest() {
        long after = 0;
        for (EventPage page = client.events().list(0, 1000);
                !page.items().isEmpty();
                page = client.events().list(after, 1000)) {
            after = page.next();
        }
        return after;
    }
}
