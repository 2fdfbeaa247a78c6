package dev.sema.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-client quota shared by every rate-limited endpoint: {@code perMinute} and {@code perHour} requests,
 * each refilled in full at the end of its window (fixed windows anchored at the client's first request, the
 * behaviour the original API documented). A limit of 0 switches that window off.
 *
 * <p>Buckets live in a Caffeine cache bounded by {@code maxClients} and expired one hour after last use: by
 * then every window has refilled, so a fresh bucket is indistinguishable from the evicted one and memory
 * stays bounded no matter how many distinct clients (or spoofed keys) appear. Under eviction pressure the
 * least-recent clients lose their history first, which can only make the limiter more lenient, never wrong
 * for an active client.
 */
public final class RateLimiter {

    private record Window(String name, long capacity, Duration length) {
    }

    private record ClientBucket(Bucket bucket, long createdNanos) {
    }

    private final List<Window> windows;
    private final TimeMeter clock;
    private final Cache<String, ClientBucket> buckets;

    /**
     * @param perMinute  requests per minute per client, 0 = no minute window
     * @param perHour    requests per hour per client, 0 = no hour window
     * @param maxClients most clients remembered at once
     * @param clock      nanosecond clock (tests pass a manual one)
     */
    public RateLimiter(long perMinute, long perHour, long maxClients, TimeMeter clock) {
        List<Window> configured = new ArrayList<>();
        if (perMinute > 0) {
            configured.add(new Window("minute", perMinute, Duration.ofMinutes(1)));
        }
        if (perHour > 0) {
            configured.add(new Window("hour", perHour, Duration.ofHours(1)));
        }
        this.windows = List.copyOf(configured);
        this.clock = clock;
        Duration idle = windows.stream().map(Window::length).max(Duration::compareTo).orElse(Duration.ZERO);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(idle)
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run) // maintenance on the caller: no background threads in the app server
                .build();
    }

    public boolean enabled() {
        return !windows.isEmpty();
    }

    /**
     * Takes {@code tokens} requests of quota from {@code client}, all or nothing.
     *
     * @throws IllegalStateException if the limiter is disabled (callers check {@link #enabled()})
     */
    public RateLimitDecision consume(String client, long tokens) {
        if (!enabled()) {
            throw new IllegalStateException("rate limiting is disabled");
        }
        long now = clock.currentTimeNanos();
        ClientBucket entry = buckets.get(client, k -> new ClientBucket(newBucket(), now));
        VerboseResult<ConsumptionProbe> result = entry.bucket().asVerbose().tryConsumeAndReturnRemaining(tokens);
        ConsumptionProbe probe = result.getValue();
        long[] available = result.getDiagnostics().getAvailableTokensPerEachBandwidth();

        int binding = bindingWindow(available, probe.isConsumed() ? 0 : tokens);
        Window window = windows.get(binding);
        long elapsed = now - entry.createdNanos();
        long windowNanos = window.length().toNanos();
        long resetNanos = windowNanos - Math.floorMod(elapsed, windowNanos);
        long retryAfter = -1;
        if (!probe.isConsumed() && windows.stream().allMatch(w -> tokens <= w.capacity())) {
            retryAfter = ceilSeconds(probe.getNanosToWaitForRefill());
        }
        return new RateLimitDecision(probe.isConsumed(), window.capacity(), Math.max(0, probe.getRemainingTokens()),
                ceilSeconds(resetNanos), retryAfter, window.name());
    }

    /** Approximate number of clients currently remembered; exported as {@code sema_rate_limit_clients}. */
    public long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /**
     * The window the headers should describe: the one that rejects (or, when allowed, has fewest tokens left);
     * on a tie the shorter window, whose reset comes first.
     */
    private int bindingWindow(long[] available, long requested) {
        int best = 0;
        for (int i = 1; i < available.length; i++) {
            boolean rejectsHere = available[i] < requested;
            boolean rejectsBest = available[best] < requested;
            if ((rejectsHere && !rejectsBest) || (rejectsHere == rejectsBest && available[i] < available[best])) {
                best = i;
            }
        }
        return best;
    }

    private Bucket newBucket() {
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Window w : windows) {
            builder.addLimit(Bandwidth.builder().capacity(w.capacity()).refillIntervally(w.capacity(), w.length())
                    .id(w.name()).build());
        }
        return builder.build();
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
