package dev.sema.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Every client's {@link AdmissionLog} in this server's memory: the limits of a single server, and of each replica
 * while the shared windows are unreachable.
 *
 * <p>Logs live in a Caffeine cache bounded by {@code maxClients} and expired an hour after last use: by then every
 * admission has left every window, so a fresh log is indistinguishable from the evicted one. A client costs about
 * 250 bytes plus 4 per admission in its longest window (docs/benchmarks.md); the worst case, {@code maxClients}
 * clients each at its largest limit, is about 420 MB at the defaults (100,000 clients each with 1,000 requests
 * admitted within the hour).
 * Under eviction pressure the least-recent clients lose their history first, which can only make the limiter more
 * lenient, never wrong for an active client.
 */
final class LocalWindows {

    private static final Duration LONGEST_WINDOW = Duration.ofMillis(RateWindow.HOUR_MILLIS);

    private final LongSupplier millis;
    private final Cache<String, AdmissionLog> logs;

    /**
     * @param maxClients most clients remembered at once
     * @param nanoClock  monotonic nanosecond clock (tests pass a manual one)
     */
    LocalWindows(long maxClients, LongSupplier nanoClock) {
        this.millis = () -> Math.floorDiv(nanoClock.getAsLong(), 1_000_000L);
        this.logs = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(LONGEST_WINDOW)
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run) // maintenance on the caller: no background threads in the app server
                .build();
    }

    /** Judges a request by this server's log of the client alone and records it if it passes. */
    RateLimitDecision consume(String client, List<RateWindow> windows, long tokens) {
        return logs.get(client, c -> new AdmissionLog()).charge(millis, windows, tokens);
    }

    /** Records admissions the shared windows granted, so that this log can take over at once if Redis goes away. */
    void record(String client, List<RateWindow> windows, long tokens) {
        logs.get(client, c -> new AdmissionLog()).record(millis, windows, tokens);
    }

    /** Approximate number of clients remembered. */
    long trackedClients() {
        logs.cleanUp();
        return logs.estimatedSize();
    }
}
