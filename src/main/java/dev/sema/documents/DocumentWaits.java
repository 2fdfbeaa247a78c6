package dev.sema.documents;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A status request that asks to wait for the document's end (RFC 7240 {@code Prefer: wait}) instead of polling:
 * polled every 50 ms, a document's status requests took about 6 % of a 2-core server's decoding
 * (docs/benchmarks.md), and the client still learned the end up to a poll late. A job that ends on this replica
 * wakes its waiters at once; an end on another replica is seen at the next look at the table, every
 * {@code recheck}. Each waiter holds its request thread, so at most {@code maxWaiters} wait at a time; the others are
 * answered at once, as without the preference.
 */
@ApplicationScoped
public class DocumentWaits {

    /** The longest wait granted: below the balancer's server timeout (deploy/haproxy: 45 s). */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration RECHECK = Duration.ofMillis(250);
    private static final int MAX_WAITERS = 200;

    private final Duration recheck;
    private final Semaphore waiters;
    private final Object ends = new Object();
    /** Jobs ended on this replica so far (under {@link #ends}): a waiter sleeps only if none ended since it read. */
    private long endCount;

    public DocumentWaits() {
        this(RECHECK, MAX_WAITERS);
    }

    DocumentWaits(Duration recheck, int maxWaiters) {
        this.recheck = recheck;
        this.waiters = new Semaphore(maxWaiters);
    }

    /** A job ended (done or error) on this replica. */
    void ended() {
        synchronized (ends) {
            endCount++;
            ends.notifyAll();
        }
    }

    /**
     * Reads the progress until the document has ended or {@code wait} (at most {@link #MAX_WAIT}) has passed.
     *
     * @param read the progress as the caller may see it; what it throws (an unknown document) ends the wait
     * @return the last progress read
     */
    public DocumentProgress await(Supplier<DocumentProgress> read, Duration wait) {
        long seen = endCount();
        DocumentProgress progress = read.get();
        if (!inFlight(progress) || wait.isZero() || wait.isNegative() || !waiters.tryAcquire()) {
            return progress;
        }
        try {
            long deadline = System.nanoTime() + Math.min(wait.toNanos(), MAX_WAIT.toNanos());
            for (long left = deadline - System.nanoTime(); inFlight(progress) && left > 0;
                 left = deadline - System.nanoTime()) {
                synchronized (ends) {
                    if (endCount == seen) { // else a job ended since the last read: read again at once
                        ends.wait(Math.max(1, Math.min(left, recheck.toNanos()) / 1_000_000));
                    }
                    seen = endCount;
                }
                progress = read.get();
            }
            return progress;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return progress;
        } finally {
            waiters.release();
        }
    }

    private long endCount() {
        synchronized (ends) {
            return endCount;
        }
    }

    private static boolean inFlight(DocumentProgress progress) {
        return progress.document().status().inFlight();
    }
}
