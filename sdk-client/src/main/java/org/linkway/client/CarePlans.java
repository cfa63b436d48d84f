package org.linkway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.internal.ApiRequest;
import org.linkway.client.internal.Codec;
import org.linkway.client.internal.Transport;
import org.linkway.model.CarePlan;
import tools.jackson.databind.JsonNode;

/**
 * The personalised care and support plan of one referral: created once, then replaced as a
 * whole each time it is agreed again, every version kept. Replacing needs the ETag of the
 * version you changed, so no one overwrites a change they did not see.
 *
 * <pre>{@code
 * CarePlans plans = client.referral(id).carePlan();
 * Versioned<CarePlan> v1 = plans.create(plan);
 * Versioned<CarePlan> v2 = plans.update(revised, v1.etag());   // StaleVersionException if someone else got there first
 * List<CarePlan> history = plans.versions();
 * }</pre>
 */
public final class CarePlans {

    /** Members the server assigns from the URL and the version count; a plan read back carries them. */
    private static final String[] ASSIGNED = {"id", "referralId", "version"};

    private final Calls calls;
    private final String path;

    CarePlans(Calls calls, String path) {
        this.calls = calls;
        this.path = path;
    }

    public Versioned<CarePlan> get() {
        return Transport.join(getAsync());
    }

    public CompletableFuture<Versioned<CarePlan>> getAsync() {
        return calls.versioned(ApiRequest.get(path), CarePlan.class);
    }

    /** The first version of the plan ({@code If-None-Match: *}); fails with a stale-version conflict if one exists. */
    public Versioned<CarePlan> create(CarePlan plan) {
        return Transport.join(createAsync(plan));
    }

    public CompletableFuture<Versioned<CarePlan>> createAsync(CarePlan plan) {
        return calls.versioned(put(plan).withHeader("If-None-Match", "*"), CarePlan.class);
    }

    /**
     * Replaces the plan. {@code etag} is the ETag of the version the change was made to. The
     * plan may be one read back from the server: its {@code id}, {@code referralId} and
     * {@code version} are left out of what is sent, as the server assigns them.
     *
     * @throws org.linkway.client.error.StaleVersionException the plan changed since that version
     */
    public Versioned<CarePlan> update(CarePlan plan, String etag) {
        return Transport.join(updateAsync(plan, etag));
    }

    public CompletableFuture<Versioned<CarePlan>> updateAsync(CarePlan plan, String etag) {
        Versioned.requireEtag(etag);
        return calls.versioned(put(plan).withHeader("If-Match", etag), CarePlan.class);
    }

    /** Every version of the plan, oldest first. */
    public List<CarePlan> versions() {
        return Transport.join(versionsAsync());
    }

    public CompletableFuture<List<CarePlan>> versionsAsync() {
        return calls.send(ApiRequest.get(path + "/versions")).thenApply(r -> {
            List<CarePlan> out = new ArrayList<>();
            for (JsonNode item : Codec.tree(r).path("items")) {
                out.add(Codec.read(item, CarePlan.class, r));
            }
            return out;
        });
    }

    private ApiRequest put(CarePlan plan) {
        InvalidArgumentException.require(plan, "plan");
        return ApiRequest.change("PUT", path, Codec.writeWithout(plan, ASSIGNED));
    }
}
