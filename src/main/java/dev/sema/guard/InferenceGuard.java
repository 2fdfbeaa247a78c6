package dev.sema.guard;

import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.OverloadedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the services call around model inference: runs it under {@link InferenceBulkhead} (MicroProfile Fault
 * Tolerance) and turns the policy's refusals into domain failures: a full bulkhead and queue is
 * {@link OverloadedException}, a call outlasting the timeout {@link InferenceTimeoutException}. Failures of the
 * inference itself pass through unchanged.
 *
 * <p>It also counts the calls that wait for a slot ({@code sema_inference_queue_depth}), which FT's own
 * metrics report only per method and under names outside {@code sema_*}.
 */
@ApplicationScoped
public class InferenceGuard {

    private final InferenceBulkhead bulkhead;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    @Inject
    public InferenceGuard(InferenceBulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    /** For CDI's client proxy only. */
    protected InferenceGuard() {
        this(null);
    }

    /**
     * Runs {@code inference} on an FT worker thread once a slot is free; the calling thread waits for it.
     *
     * @throws OverloadedException       when every slot and queue place is taken
     * @throws InferenceTimeoutException when waiting plus running outlasts the timeout; exceptions from
     *                                   {@code inference} pass through
     */
    public <T> T run(Supplier<T> inference) {
        AtomicBoolean started = new AtomicBoolean();
        waiting.incrementAndGet();
        try {
            return bulkhead.run(() -> {
                start(started);
                running.incrementAndGet();
                try {
                    return inference.get();
                } finally {
                    running.decrementAndGet();
                }
            }).toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (BulkheadException | TimeoutException e) { // some FT versions throw before returning the stage
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceTimeoutException("Interrupted while waiting for the inference.");
        } finally {
            start(started); // refused or timed out in the queue: it no longer waits either
        }
    }

    /** Calls waiting for an inference slot right now. */
    public int queueDepth() {
        return waiting.get();
    }

    /** Inferences running right now. */
    public int running() {
        return running.get();
    }

    private void start(AtomicBoolean started) {
        if (started.compareAndSet(false, true)) {
            waiting.decrementAndGet();
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof BulkheadException) {
            return new OverloadedException();
        }
        if (failure instanceof TimeoutException) {
            return new InferenceTimeoutException("The inference did not finish within the configured time;"
                    + " retry shortly or send shorter text.");
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("inference failed", failure);
    }
}
