package org.linkway.server.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.linkway.server.http.Json;
import org.linkway.server.storage.NewEvent;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raises {@code appointment.reminder} once per appointment start, the configured lead time
 * before it: for each booked appointment whose start is within the lead time and still ahead,
 * it claims the (appointment, start) row of {@code appointment_reminder} and appends the event
 * in the same transaction. The row's key makes a second sweep, a restart or a second instance on
 * the same database find the reminder raised; a rescheduled appointment has a new start and so
 * gets a new reminder; a cancelled one is no longer booked and gets none. The time is the
 * server's {@link Clock}, so tests move it rather than wait.
 */
public final class ReminderSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweeper.class);
    private static final int BATCH = 100;

    private final Store store;
    private final Clock clock;
    private final AppointmentSettings settings;
    private ScheduledExecutorService timer;

    public ReminderSweeper(Store store, Clock clock, AppointmentSettings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sweeps every {@code sweepInterval} from now on, on a daemon thread. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linkway-appointment-reminders");
            t.setDaemon(true);
            return t;
        });
        long every = settings.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One sweep now; answers how many reminders it raised. */
    public int sweep() {
        int raised = 0;
        while (true) {
            Instant now = clock.instant();
            Instant horizon = now.plus(settings.reminderLead());
            int[] batch = store.transaction(tx -> {
                AppointmentSlots slots = AppointmentSlots.in(tx);
                List<AppointmentSlots.Slot> due = slots.dueForReminder(now, horizon, BATCH);
                int n = 0;
                for (AppointmentSlots.Slot s : due) {
                    if (!slots.claimReminder(s.appointmentId(), s.start(), now)) {
                        continue;
                    }
                    StoredResource r =
                            tx.get(AppointmentRoutes.TYPE, s.appointmentId()).orElseThrow();
                    JsonNode doc = Json.MAPPER.readTree(r.body());
                    ObjectNode data = Json.MAPPER.createObjectNode();
                    data.put("status", r.status());
                    data.put("start", doc.path("start").asString());
                    data.put("end", doc.path("end").asString());
                    data.put("sequence", doc.path("sequence").asInt());
                    data.put("leadMinutes", settings.reminderLead().toMinutes());
                    tx.appendEvent(NewEvent.named("appointment.reminder")
                            .about(r.ref())
                            .inReferral(r.referralId())
                            .payload(Json.write(data)));
                    n++;
                }
                return new int[] {n, due.size()};
            });
            raised += batch[0];
            if (batch[1] < BATCH) {
                return raised;
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // the next sweep tries again; nothing was half-written (one transaction per batch)
            LOG.warn("appointment reminder sweep failed, retrying at the next: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
