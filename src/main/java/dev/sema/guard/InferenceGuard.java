package dev.sema.guard;

import dev.sema.api.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bulkhead in front of model inference: at most {@code concurrency} inferences run at once, at most
 * {@code queue} more wait (in arrival order) for up to {@code timeout}; everything beyond is refused at once
 * with 503 {@code overloaded}, and a wait that outlasts the timeout ends in 503 {@code timeout}. Both carry
 * Retry-After. There is deliberately no fallback: a client gets a real translation or a clear refusal.
 *
 * <p>Why not MicroProfile Fault Tolerance's {@code @Bulkhead}: its queue exists only with
 * {@code @Asynchronous}, which moves every inference to another thread while the request thread blocks on
 * it; its limits are annotation constants, so "one per CPU core" cannot be the default; and it does not
 * expose the queue depth that {@code sema_inference_queue_depth} reports. A fair semaphore gives the same
 * contract on the caller's thread and is testable without a server.
 *
 * <p>The timeout bounds the time spent waiting for a slot. A running inference is bounded by the decoder's
 * length limits, not interrupted: ONNX Runtime would ignore the interrupt anyway.
 */
@ApplicationScoped
public class InferenceGuard {

    /** Seconds a refused client should wait: an inference slot typically frees within a second. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore slots;
    private final int concurrency;
    private final int queueCapacity;
    private final long timeoutNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param concurrency inferences at once; 0 or less = number of CPU cores ({@code sema.inference-concurrency})
     * @param queue       callers allowed to wait; negative = 4 × concurrency ({@code sema.inference-queue})
     * @param timeout     longest wait for a slot ({@code sema.inference-timeout}, ISO-8601 or seconds)
     */
    @Inject
    public InferenceGuard(@ConfigProperty(name = "sema.inference-concurrency", defaultValue = "0") int concurrency,
                          @ConfigProperty(name = "sema.inference-queue", defaultValue = "-1") int queue,
                          @ConfigProperty(name = "sema.inference-timeout", defaultValue = "30") String timeout) {
        this.concurrency = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        this.queueCapacity = queue >= 0 ? queue : 4 * this.concurrency;
        this.timeoutNanos = parseTimeout(timeout).toNanos();
        this.slots = new Semaphore(this.concurrency, true);
    }

    /** For CDI's client proxy only; the container never calls methods on this instance. */
    protected InferenceGuard() {
        this(1, 0, "0");
    }

    /**
     * Runs {@code inference} on the calling thread once a slot is free.
     *
     * @throws ApiException 503 {@code overloaded} when the queue is full, 503 {@code timeout} after waiting
     *                      longer than the timeout; exceptions from {@code inference} pass through unchanged
     */
    public <T> T run(Supplier<T> inference) {
        acquire();
        try {
            return inference.get();
        } finally {
            slots.release();
        }
    }

    /** Callers waiting for a slot right now. */
    public int queueDepth() {
        return waiting.get();
    }

    /** Inferences running right now. */
    public int running() {
        return concurrency - slots.availablePermits();
    }

    private void acquire() {
        try {
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) { // the timed form keeps the queue fair
                return;
            }
            if (waiting.incrementAndGet() > queueCapacity) {
                waiting.decrementAndGet();
                throw unavailable("overloaded", "All " + concurrency + " inference slots are busy and "
                        + queueCapacity + " requests are already waiting; retry shortly.");
            }
            try {
                if (!slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                    throw unavailable("timeout", "No inference slot became free within "
                            + Duration.ofNanos(timeoutNanos).toMillis() + " ms; retry shortly.");
                }
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("timeout", "Interrupted while waiting for an inference slot.");
        }
    }

    private static ApiException unavailable(String code, String detail) {
        return new ApiException(503, code, detail, List.of(), Map.of(),
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    /** Accepts plain seconds ({@code 30}, {@code 0.5}) or ISO-8601 ({@code PT30S}). */
    static Duration parseTimeout(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            return Duration.parse(trimmed);
        }
        return Duration.ofNanos(Math.round(Double.parseDouble(trimmed) * 1e9));
    }
}
