package dev.sema.models;

import dev.sema.failure.ModelUnavailableException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the model that serves one slot (translation, language identification) and swaps it atomically.
 *
 * <p>Requests take a {@link Lease}; a replaced model is closed only when its last lease is released, so a
 * hot reload never pulls native sessions from under a running inference, and a model is never copied per
 * request. The state shown to health checks is a separate immutable snapshot, so a failed reload can be
 * reported while the previous model keeps serving.
 *
 * @param <M> the loaded model; closing it frees its native memory
 */
public final class ModelSlot<M extends AutoCloseable> {

    private static final Logger LOG = Logger.getLogger(ModelSlot.class.getName());

    private final String name;
    private final AtomicReference<Holder<M>> serving = new AtomicReference<>();
    private final AtomicReference<ModelStatus> status;
    private final AtomicInteger live = new AtomicInteger();

    public ModelSlot(String name) {
        this.name = name;
        this.status = new AtomicReference<>(
                new ModelStatus(name, ModelStatus.State.NOT_CONFIGURED, "no model configured", null, Map.of()));
    }

    public String name() {
        return name;
    }

    /** The state for health and status; READY whenever a model serves, even while a reload runs or failed. */
    public ModelStatus status() {
        return status.get();
    }

    /**
     * Borrows the serving model for one request.
     *
     * @throws ModelUnavailableException while the first load runs, or when no model is configured or loading
     *                                   failed
     */
    public Lease<M> acquire() {
        while (true) {
            Holder<M> holder = serving.get();
            if (holder == null) {
                throw unavailable();
            }
            if (holder.retain()) {
                return new Lease<>(holder);
            }
            // Lost a race with a swap that retired this holder: the new one is already installed.
        }
    }

    /** Marks the slot as loading (first load or reload); a serving model keeps serving. */
    public void loading(String detail) {
        Holder<M> current = serving.get();
        if (current == null) {
            status.set(new ModelStatus(name, ModelStatus.State.LOADING, detail, null, Map.of()));
        } else {
            status.set(withDetail(current, "reloading: " + detail));
        }
    }

    /** Records a failed load; a model that was serving keeps serving and stays READY. */
    public void failed(String reason) {
        Holder<M> current = serving.get();
        if (current == null) {
            status.set(new ModelStatus(name, ModelStatus.State.FAILED, reason, null, Map.of()));
        } else {
            status.set(withDetail(current, "last reload failed: " + reason));
        }
    }

    /**
     * Installs a freshly loaded model; the previous one closes once its in-flight leases finish.
     *
     * @param info     descriptive fields for {@code /status} (repo, revision, variant, path, ...)
     * @param loadTime how long loading took
     */
    public void install(M model, Map<String, Object> info, Duration loadTime) {
        Map<String, Object> described = new LinkedHashMap<>(info);
        described.put("load_time_seconds", loadTime.toMillis() / 1000.0);
        Holder<M> fresh = new Holder<>(model, Map.copyOf(described), OffsetDateTime.now(), live);
        live.incrementAndGet();
        Holder<M> previous = serving.getAndSet(fresh);
        status.set(withDetail(fresh, null));
        if (previous != null) {
            previous.release();
        }
    }

    /** Takes the model out of service and closes it after in-flight requests (application shutdown). */
    public void clear(String reason) {
        Holder<M> previous = serving.getAndSet(null);
        status.set(new ModelStatus(name, ModelStatus.State.NOT_CONFIGURED, reason, null, Map.of()));
        if (previous != null) {
            previous.release();
        }
    }

    /** Number of models not yet closed (the serving one plus retired ones still leased); for leak tests. */
    public int liveModels() {
        return live.get();
    }

    private ModelStatus withDetail(Holder<M> holder, String detail) {
        return new ModelStatus(name, ModelStatus.State.READY, detail, holder.loadedAt, holder.info);
    }

    private ModelUnavailableException unavailable() {
        ModelStatus current = status.get();
        return current.state() == ModelStatus.State.LOADING
                ? ModelUnavailableException.loading(name, current.detail())
                : ModelUnavailableException.notLoaded(name, current.detail());
    }

    /** A borrowed model; close it (try-with-resources) when the request is done with it. */
    public static final class Lease<M extends AutoCloseable> implements AutoCloseable {
        private final Holder<M> holder;
        private boolean released;

        private Lease(Holder<M> holder) {
            this.holder = holder;
        }

        public M model() {
            return holder.model;
        }

        /** Descriptive fields of the leased model, e.g. its revision for cache keys. */
        public Map<String, Object> info() {
            return holder.info;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                holder.release();
            }
        }
    }

    /** Reference count: 1 for being installed, +1 per lease; the model closes when it reaches 0. */
    private static final class Holder<M extends AutoCloseable> {
        private final M model;
        private final Map<String, Object> info;
        private final OffsetDateTime loadedAt;
        private final AtomicInteger refs = new AtomicInteger(1);
        private final AtomicInteger live;

        Holder(M model, Map<String, Object> info, OffsetDateTime loadedAt, AtomicInteger live) {
            this.model = model;
            this.info = info;
            this.loadedAt = loadedAt;
            this.live = live;
        }

        boolean retain() {
            int n;
            do {
                n = refs.get();
                if (n == 0) {
                    return false;
                }
            } while (!refs.compareAndSet(n, n + 1));
            return true;
        }

        void release() {
            if (refs.decrementAndGet() == 0) {
                live.decrementAndGet();
                try {
                    model.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Closing a retired model failed", e);
                }
            }
        }
    }
}
