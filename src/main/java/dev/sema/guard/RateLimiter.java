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
 * Per-client quota shared by every rate-limited endpoint: {@link RateLimits} requests per minute and per hour
 * (the configured defaults for anonymous clients, an API key's own limits for a key), each refilled in full at the
 * end of its window (fixed windows anchored at the client's first request, the behaviour the original API
 * documented). A limit of 0 switches that window off; a client whose limits change gets a fresh bucket.
 *
 * <p>Buckets live in a Caffeine cache bounded by {@code maxClients} and expired one hour after last use: by
 * then every window has refilled, so a fresh bucket is indistinguishable from the evicted one and memory
 * stays bounded no matter how many distinct clients appear. Under eviction pressure the
 * least-recent clients lose their history first, which can only make the limiter more lenient, never wrong
 * for an active client.
 */
public final class RateLimiter {

    private record Window(String name, long capacity, Duration length) {
    }

    /** A client's bucket and the limits it was built for (a key's limits can change while it is in use). */
    private record ClientBucket(Bucket bucket, RateLimits limits, List<Window> windows, long createdNanos) {
    }

    private static final Duration LONGEST_WINDOW = Duration.ofHours(1);

    private final RateLimits defaults;
    private final TimeMeter clock;
    private final Cache<String, ClientBucket> buckets;

    /**
     * @param perMinute  requests per minute per anonymous client, 0 = no minute window
     * @param perHour    requests per hour per anonymous client, 0 = no hour window
     * @param maxClients most clients remembered at once
     * @param clock      nanosecond clock (tests pass a manual one)
     */
    public RateLimiter(long perMinute, long perHour, long maxClients, TimeMeter clock) {
        this.defaults = new RateLimits(perMinute, perHour);
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(LONGEST_WINDOW)
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run) // maintenance on the caller: no background threads in the app server
                .build();
    }

    /** The limits of anonymous clients ({@code sema.rate-limit-per-minute} / {@code -per-hour}). */
    public RateLimits defaults() {
        return defaults;
    }

    public boolean enabled() {
        return defaults.limited();
    }

    /** Takes {@code tokens} requests of an anonymous client's quota, all or nothing. */
    public RateLimitDecision consume(String client, long tokens) {
        return consume(client, defaults, tokens);
    }

    /**
     * Takes {@code tokens} requests of quota from {@code client} under {@code limits}, all or nothing.
     *
     * @throws IllegalStateException if {@code limits} limit nothing (callers check {@link RateLimits#limited()})
     */
    public RateLimitDecision consume(String client, RateLimits limits, long tokens) {
        if (!limits.limited()) {
            throw new IllegalStateException("no rate limit to enforce");
        }
        long now = clock.currentTimeNanos();
        ClientBucket entry = buckets.asMap().compute(client, (k, old) ->
                old != null && old.limits().equals(limits) ? old : newBucket(limits, now));
        List<Window> windows = entry.windows();
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

    private ClientBucket newBucket(RateLimits limits, long now) {
        List<Window> windows = new ArrayList<>();
        if (limits.perMinute() > 0) {
            windows.add(new Window("minute", limits.perMinute(), Duration.ofMinutes(1)));
        }
        if (limits.perHour() > 0) {
            windows.add(new Window("hour", limits.perHour(), LONGEST_WINDOW));
        }
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Window w : windows) {
            builder.addLimit(Bandwidth.builder().capacity(w.capacity()).refillIntervally(w.capacity(), w.length())
                    .id(w.name()).build());
        }
        return new ClientBucket(builder.build(), limits, List.copyOf(windows), now);
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
