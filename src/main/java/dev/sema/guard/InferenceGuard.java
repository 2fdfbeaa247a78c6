package dev.sema.guard;

import dev.sema.batching.Cancellation;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.OverloadedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bulkhead around model inference: at most {@code sema.inference-concurrency} inferences run at once (on the
 * {@link InferencePool}), at most {@code sema.inference-queue} more wait, and a call (wait plus run) ends after
 * {@code sema.inference-timeout} seconds. A full pool and queue is an {@link OverloadedException}, a call
 * outlasting the timeout an {@link InferenceTimeoutException}; failures of the inference itself pass through
 * unchanged. There is deliberately no fallback: a client gets a real translation or a clear refusal.
 *
 * <p>A call that times out is abandoned for real: its {@link Cancellation} fires and its thread is interrupted,
 * so the engine drops its work at the next decoder step (or it never leaves the queue), and the slot frees for
 * a request someone still waits for.
 *
 * <p>It also counts the calls that wait for a slot ({@code sema_inference_queue_depth}).
 */
@ApplicationScoped
public class InferenceGuard {

    private final InferencePool pool;
    private final Duration timeout;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    @Inject
    public InferenceGuard(InferencePool pool, GuardConfig config) {
        this.pool = pool;
        this.timeout = config.inferenceTimeout();
    }

    /** For CDI's client proxy only. */
    protected InferenceGuard() {
        this.pool = null;
        this.timeout = Duration.ZERO;
    }

    /**
     * Runs {@code inference} on an inference thread once one is free; the calling thread waits for it.
     *
     * @param cancellation fired (reason {@code timeout}) when the call is abandoned; {@code inference} should
     *                     watch it
     * @throws OverloadedException       when every slot and queue place is taken
     * @throws InferenceTimeoutException when waiting plus running outlasts the timeout; exceptions from
     *                                   {@code inference} pass through
     */
    public <T> T run(Cancellation cancellation, Supplier<T> inference) {
        return run(cancellation, inference, InferenceGuard::awaitTask);
    }

    /**
     * {@link #run(Cancellation, Supplier)}, the calling thread waiting through {@code waiter}, which may do work of
     * its own meanwhile (a stream writes what the inference produced). If the waiter cancels the call, it is
     * abandoned like a timed-out one.
     *
     * @throws CancellationException when {@code waiter} cancelled it
     */
    public <T> T run(Cancellation cancellation, Supplier<T> inference, Waiter waiter) {
        AtomicBoolean started = new AtomicBoolean();
        waiting.incrementAndGet();
        try {
            return await(submit(started, inference), cancellation, waiter);
        } finally {
            start(started); // refused or abandoned in the queue: it no longer waits either
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

    private <T> Future<T> submit(AtomicBoolean started, Supplier<T> inference) {
        try {
            return pool.submit(() -> {
                start(started);
                running.incrementAndGet();
                try {
                    return inference.get();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new OverloadedException();
        }
    }

    private <T> T await(Future<T> task, Cancellation cancellation, Waiter waiter) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!task.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandon(task, cancellation, "timeout");
                    throw new InferenceTimeoutException("The inference did not finish within the configured time;"
                            + " retry shortly or send shorter text.");
                }
                waiter.await(task, left);
                if (cancellation.isCancelled() && !task.isDone()) {
                    pool.withdraw(task);
                    throw new CancellationException("inference cancelled: " + cancellation.reason().orElseThrow());
                }
            }
            return task.get();
        } catch (ExecutionException e) {
            throw passThrough(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(task, cancellation, "interrupted");
            throw new InferenceTimeoutException("Interrupted while waiting for the inference.");
        }
    }

    /** Plain waiting: until the inference ends or the time is up. */
    private static void awaitTask(Future<?> task, long nanos) throws InterruptedException {
        try {
            task.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // the caller looks at the task (or the clock) again
        }
    }

    /** How the calling thread spends its wait for an inference. */
    @FunctionalInterface
    public interface Waiter {

        /** Returns within {@code nanos}, and soon after {@code task} is done (the caller then looks at it). */
        void await(Future<?> task, long nanos) throws InterruptedException;
    }

    /** The reason first, so that the interrupted worker already sees why it should stop. */
    private void abandon(Future<?> task, Cancellation cancellation, String reason) {
        cancellation.cancel(reason);
        pool.withdraw(task);
    }

    private void start(AtomicBoolean started) {
        if (started.compareAndSet(false, true)) {
            waiting.decrementAndGet();
        }
    }

    private static RuntimeException passThrough(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("inference failed", failure);
    }
}
