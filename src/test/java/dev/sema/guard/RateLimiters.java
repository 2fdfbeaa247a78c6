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

    /** A shared store on {@code url} under {@code prefix}, with short timeouts so that outages show quickly. */
    static SharedStore store(URI url, String prefix, ScheduledExecutorService scheduler) {
        return SharedStore.open(storeConfig(Optional.of(url), prefix), scheduler);
    }

    private static SharedStoreConfig storeConfig(Optional<URI> url, String prefix) {
        return new SharedStoreConfig(url, prefix, Duration.ofMillis(500), Duration.ofMillis(200));
    }
}
