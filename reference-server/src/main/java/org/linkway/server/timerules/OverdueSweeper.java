package org.linkway.server.timerules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.linkway.server.http.Json;
import org.linkway.server.referral.Lifecycle;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.storage.ListQuery;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.Page;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the time rules fallen due and raises a {@value #EVENT} event for each, exactly once per
 * referral, rule and due instant: the event is appended in the same transaction as its row in the
 * overdue log, whose key refuses a second one. So a second sweep, a restart, or another server
 * instance on the same PostgreSQL sweeping at the same moment raises nothing again, and a sweep
 * that fails part-way loses nothing: the next one finds what it missed.
 *
 * <p>Sweeps run at start and then every {@link TimeRuleSettings#sweepEvery()}, and on demand
 * ({@link #sweep()}). Time is the server's {@link Clock}, so a test moves its clock and sweeps.
 */
public final class OverdueSweeper implements AutoCloseable {

    /** The event type raised. */
    public static final String EVENT = "referral.overdue";

    private static final Logger LOG = LoggerFactory.getLogger(OverdueSweeper.class);
    private static final int PAGE = 200;
    /** Most open referrals one page of {@code ?overdue=true} looks at; a page may hold fewer than asked. */
    static final int SCAN_BUDGET = 2000;

    static final Set<String> OPEN = Arrays.stream(Lifecycle.values())
            .filter(Lifecycle::isOpen)
            .map(Lifecycle::code)
            .collect(Collectors.toUnmodifiableSet());

    private final Store store;
    private final Clock clock;
    private final ReferralClock referralClock;
    private final Duration every;
    private ScheduledExecutorService timer;

    public OverdueSweeper(Store store, Clock clock, WorkingDays workingDays, Duration every) {
        this.store = store;
        this.clock = clock;
        this.referralClock = new ReferralClock(workingDays);
        this.every = every;
    }

    /** Sweeps now, then every interval, on a thread of its own; nothing without an interval. */
    public void start() {
        if (every == null || every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linkway-time-rules");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            int raised = sweep();
            if (raised > 0) {
                LOG.info("time rules: {} overdue raised", raised);
            }
        } catch (RuntimeException e) {
            LOG.warn("time rules: the sweep failed; the next one finds what it missed", e);
        }
    }

    /** One sweep over every open referral; returns how many overdue events this call raised. */
    public int sweep() {
        Instant now = clock.instant();
        Deadlines deadlines = new Deadlines(referralClock);
        int raised = 0;
        String cursor = null;
        do {
            String after = cursor;
            Page<StoredResource> page = store.read(tx -> tx.list(ListQuery.of(ReferralService.TYPE)
                    .statuses(OPEN)
                    .after(after)
                    .limit(PAGE)));
            for (StoredResource referral : page.items()) {
                List<ReferralClock.Due> due = store.read(tx -> deadlines.of(tx, referral));
                for (ReferralClock.Due d : due) {
                    if (d.overdueAt(now)) {
                        raised += raise(referral.id(), d, now, deadlines);
                    }
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return raised;
    }

    /** In one transaction: still open and still overdue, recorded for the first time, then its event. */
    private int raise(String referralId, ReferralClock.Due due, Instant now, Deadlines deadlines) {
        return store.transaction(tx -> {
            Optional<StoredResource> current = tx.getForShare(ReferralService.TYPE, referralId);
            if (current.isEmpty() || !OPEN.contains(current.get().status())) {
                return 0;
            }
            boolean still = deadlines.of(tx, current.get()).stream()
                    .anyMatch(d -> d.rule().equals(due.rule()) && d.dueAt().equals(due.dueAt()) && d.overdueAt(now));
            if (!still || !tx.overdue().record(referralId, due.rule(), due.dueAt())) {
                return 0;
            }
            tx.appendEvent(NewEvent.named(EVENT)
                    .about(current.get().ref())
                    .inReferral(referralId)
                    .payload(payload(due, now)));
            return 1;
        });
    }

    private static String payload(ReferralClock.Due due, Instant now) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("rule", due.rule());
        n.put("dueDate", due.dueDate().toString());
        n.put("dueAt", due.dueAt().toString());
        n.put("from", due.from().toString());
        n.put("within", due.of().within());
        n.put("unit", due.of().unit().code());
        n.put("at", now.toString());
        return Json.write(n);
    }

    /**
     * The open referrals of {@code query} with a rule overdue now, a page at a time: the query's
     * pages are read until {@code limit} are found, the referrals run out, or {@value #SCAN_BUDGET}
     * have been looked at (then the page is shorter, and its cursor goes on from there).
     */
    public Page<StoredResource> overdueOnly(ListQuery query) {
        Instant now = clock.instant();
        int limit = Math.max(1, query.limit());
        ListQuery open = query.statuses(OPEN);
        return store.read(tx -> {
            Deadlines deadlines = new Deadlines(referralClock);
            List<StoredResource> found = new ArrayList<>();
            String cursor = query.cursor();
            int scanned = 0;
            while (true) {
                Page<StoredResource> page = tx.list(open.after(cursor).limit(limit - found.size()));
                for (StoredResource r : page.items()) {
                    scanned++;
                    if (deadlines.of(tx, r).stream().anyMatch(d -> d.overdueAt(now))) {
                        found.add(r);
                    }
                }
                cursor = page.nextCursor();
                if (cursor == null || found.size() >= limit || scanned >= SCAN_BUDGET) {
                    return new Page<>(List.copyOf(found), cursor);
                }
            }
        });
    }

    /** Stops the timer, waiting briefly for a sweep in progress. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
