package dev.sema.guard;

import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** Rate limiters for tests: one server alone, or a replica sharing a Redis. */
public final class RateLimiters {

    private RateLimiters() {
    }

    /** A server without Redis. */
    public static RateLimiter alone(long perMinute, long perHour, long maxClients, ManualClock clock) {
        return new RateLimiter(new RateLimits(perMinute, perHour), maxClients, clock, storeWithoutRedis());
    }

    /** A shared store without URL: it answers nothing, and needs no scheduler. */
    static SharedStore storeWithoutRedis() {
        return SharedStore.open(storeConfig(Optional.empty(), "unused:"), null);
    }

    /**
     * A shared store on {@code url} under {@code prefix}. Its command timeout is far above any command's time, so a
     * slow moment of a loaded machine is not taken for an outage (the limiter would survive that by design, but a
     * test would no longer be judging the shared windows); a stopped Redis fails commands at once anyway, and is
     * tried again every 200 ms.
     */
    static SharedStore store(URI url, String prefix, ScheduledExecutorService scheduler) {
        return SharedStore.open(storeConfig(Optional.of(url), prefix), scheduler);
    }

    private static SharedStoreConfig storeConfig(Optional<URI> url, String prefix) {
        return new SharedStoreConfig(url, prefix, Duration.ofSeconds(10), Duration.ofMillis(200));
    }
}
