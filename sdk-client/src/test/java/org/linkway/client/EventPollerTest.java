package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.Referral;

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
