package dev.sema.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The drain before a stop: once {@link #begin() begun} the server reports itself not ready, for a while that
 * {@link #cutShort()} can end early. It never ends otherwise: a server that drains is on its way out.
 */
public final class Drain {

    private final AtomicBoolean begun = new AtomicBoolean();
    private final CountDownLatch cut = new CountDownLatch(1);

    /** @return true for the one call that began the drain, false if it had begun already */
    public boolean begin() {
        return begun.compareAndSet(false, true);
    }

    public boolean draining() {
        return begun.get();
    }

    /**
     * Waits for {@code period}, or less if the drain is cut short (also before or during the wait).
     *
     * @return true if the whole period passed, false if it was cut short
     */
    public boolean await(Duration period) {
        try {
            return !cut.await(period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the wait of {@link #await(Duration)} now and for any later call. */
    public void cutShort() {
        cut.countDown();
    }
}
