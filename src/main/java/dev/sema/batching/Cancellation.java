package dev.sema.batching;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether anyone still waits for a translation. The inference guard cancels it when the answer can no longer
 * be delivered (the call timed out); the {@link DecodeScheduler} checks it between decoder steps, so the
 * request's rows leave the running batch at the next step and its queued segments never start: under overload
 * the cores go to answers someone will read. Thread-safe; the first reason given is kept.
 */
public final class Cancellation {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** @param why a short slug for the metric label, e.g. {@code timeout} */
    public void cancel(String why) {
        reason.compareAndSet(null, why);
    }

    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** Why it was cancelled; empty while it is still wanted. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }
}
