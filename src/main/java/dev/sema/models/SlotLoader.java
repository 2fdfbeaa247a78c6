package dev.sema.models;


import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads models into one {@link ModelSlot} on a background executor, one load at a time: the new model is
 * built while the old one keeps serving and is swapped in only when complete, so a failed load (missing
 * file, Hub outage, corrupt graph) never takes down a working model.
 *
 * @param <M> the model type of the slot
 */
final class SlotLoader<M extends AutoCloseable> {

    private static final Logger LOG = Logger.getLogger(SlotLoader.class.getName());

    /**
     * What to load.
     *
     * @param resolve  finds (and if needed downloads) the model files; runs on the executor
     * @param open     opens the resolved files; the slot owns the returned model from then on
     * @param describe fields added to {@link ResolvedModel#info()} for {@code /status}
     */
    record Source<M>(Supplier<ResolvedModel> resolve, Opener<M> open, Function<M, Map<String, Object>> describe) {
    }

    /** Opening a model may fail with any exception; its message becomes the slot's failure reason. */
    @FunctionalInterface
    interface Opener<M> {
        M open(ResolvedModel resolved) throws Exception;
    }

    private final ModelSlot<M> slot;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Supplier<Boolean> closed;
    private final Consumer<ModelLoaded> loaded;

    /** @param loaded told of every model that starts serving (metrics, structured log) */
    SlotLoader(ModelSlot<M> slot, Supplier<Boolean> closed, Consumer<ModelLoaded> loaded) {
        this.slot = slot;
        this.closed = closed;
        this.loaded = loaded;
    }

    /**
     * Starts a load on {@code executor}.
     *
     * @param what describes the load for the status detail, e.g. "translation model (revision v2)"
     * @return completes with the slot's status after the swap, or exceptionally with the reason the load
     *         failed ({@link IllegalStateException} at once when a load of this slot is already running)
     */
    CompletionStage<ModelStatus> load(String what, Source<M> source, Executor executor) {
        if (!busy.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "A " + slot.name() + " model load is already running; wait for it to finish."));
        }
        slot.loading("resolving " + what);
        CompletableFuture<ModelStatus> done = new CompletableFuture<>();
        try {
            executor.execute(() -> run(what, source, done));
        } catch (RejectedExecutionException e) {
            finish(done, new IllegalStateException("The executor refused the " + slot.name() + " model load: "
                    + e.getMessage(), e));
        }
        return done;
    }

    /**
     * A load that cannot even start (invalid configuration): the slot shows why, unless a load is running.
     *
     * @return a stage failed with {@code failure}
     */
    CompletionStage<ModelStatus> refuse(Throwable failure) {
        if (busy.compareAndSet(false, true)) {
            finish(new CompletableFuture<>(), failure);
        }
        return CompletableFuture.failedFuture(failure);
    }

    private void run(String what, Source<M> source, CompletableFuture<ModelStatus> done) {
        long start = System.nanoTime();
        try {
            ResolvedModel resolved = source.resolve().get();
            slot.loading("loading " + resolved.path());
            M model = source.open().open(resolved);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (closed.get()) {
                model.close();
                busy.set(false);
                done.completeExceptionally(new IllegalStateException("The application stopped while the "
                        + slot.name() + " model loaded."));
                return;
            }
            Map<String, Object> info = new LinkedHashMap<>(resolved.info());
            info.putAll(source.describe().apply(model));
            slot.install(model, info, took);
            loaded.accept(new ModelLoaded(slot.name(), resolved.path().toString(), took));
            LOG.info(() -> "The " + slot.name() + " model from " + resolved.path() + " is serving (loaded in "
                    + took.toMillis() + " ms)");
            busy.set(false);
            done.complete(slot.status());
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            finish(done, e);
        }
    }

    private void finish(CompletableFuture<ModelStatus> done, Throwable failure) {
        String reason = reason(failure);
        slot.failed(reason);
        LOG.severe(() -> "The " + slot.name() + " model could not be loaded: " + reason);
        // The message is the actionable part; the stack trace only helps with unexpected failures.
        LOG.log(Level.FINE, "Load failure of the " + slot.name() + " model", failure);
        busy.set(false);
        done.completeExceptionally(failure);
    }

    /** The message written for operators; exceptions without one are named by their type. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message;
    }
}
