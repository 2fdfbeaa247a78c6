package dev.sema.guard;

import dev.sema.fleet.SharedStore;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Per-client quota shared by every rate-limited endpoint: {@link RateLimits} requests per minute and per hour (the
 * configured defaults for anonymous clients, an API key's own limits for a key) as moving windows: in no span of a
 * minute (an hour) is a client admitted more than its limit, wherever the span starts. A limit of 0 switches that
 * window off. A key's limits may change while it is in use: its admissions stay, only the limits compared change.
 *
 * <p>With a Redis configured, the windows are the fleet's ({@link SharedWindows}): all replicas together admit at
 * most the limit. Whenever Redis cannot answer, this server decides alone from its own memory
 * ({@link LocalWindows}), so Redis trouble never fails a request. Admissions the fleet grants are recorded in
 * memory as well: when Redis goes away, each replica carries on from what it admitted in the last hour instead of
 * from nothing, so a client behind one replica (or a single server) stays exactly limited through an outage, and
 * the fleet admits at most one limit per replica. The price is what the in-memory limiter costs anyway, a few
 * bytes per admission (see {@link LocalWindows}). Admissions made alone during an outage are not copied to Redis
 * afterwards: once it is back, the fleet's windows count from what Redis holds.
 */
public final class RateLimiter {

    private final RateLimits defaults;
    private final LocalWindows local;
    private final SharedWindows shared;

    /**
     * @param defaults   the limits of anonymous clients ({@code sema.rate-limit-per-minute} / {@code -per-hour})
     * @param maxClients most clients remembered in memory at once
     * @param nanoClock  monotonic nanosecond clock of the in-memory windows (tests pass a manual one)
     * @param store      the shared store; one without a Redis URL leaves every decision to this server
     */
    public RateLimiter(RateLimits defaults, long maxClients, LongSupplier nanoClock, SharedStore store) {
        this.defaults = defaults;
        this.local = new LocalWindows(maxClients, nanoClock);
        this.shared = new SharedWindows(store);
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
        List<RateWindow> windows = RateWindow.of(limits);
        Optional<RateLimitDecision> fleet = shared.consume(client, windows, tokens);
        if (fleet.isEmpty()) {
            return local.consume(client, windows, tokens);
        }
        if (fleet.get().allowed()) {
            local.record(client, windows, tokens);
        }
        return fleet.get();
    }

    /**
     * Approximate number of clients this server remembers (in memory, whether or not Redis is shared); exported as
     * {@code sema_rate_limit_clients}, bounded by {@code sema.rate-limit-max-clients}.
     */
    public long trackedClients() {
        return local.trackedClients();
    }
}
