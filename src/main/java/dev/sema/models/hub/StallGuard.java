package dev.sema.models.hub;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a response body that delivers nothing for {@code timeout}. {@code HttpClient}'s request timeout stops
 * at the response headers, so without this a CDN connection that hangs mid-body would block forever; closing
 * the stream ends the blocked read, and the download resumes from where it stopped.
 */
final class StallGuard implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sema-hub-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> check;

    StallGuard(Closeable stream, Duration timeout) {
        long period = Math.max(timeout.toMillis() / 4, 10);
        this.check = TIMER.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastProgress.get() > timeout.toNanos() && fired.compareAndSet(false, true)) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // The read that is blocked on the stream reports the failure.
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    void progressed() {
        lastProgress.set(System.nanoTime());
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
