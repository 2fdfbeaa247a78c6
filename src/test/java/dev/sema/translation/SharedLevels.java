package dev.sema.translation;

import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** Second levels of the translation cache for tests. */
final class SharedLevels {

    private SharedLevels() {
    }

    /** No Redis configured: the level finds and keeps nothing, as on a single server. */
    static SharedTranslations none() {
        SharedStore store = SharedStore.open(new SharedStoreConfig(Optional.empty(), "unused:", Duration.ofSeconds(1),
                Duration.ofSeconds(1)), (ScheduledExecutorService) null);
        return new SharedTranslations(store, Duration.ofDays(1));
    }
}
