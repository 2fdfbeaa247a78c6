package dev.sema.fleet;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One test's shared stores on real Redis, under a key prefix of its own: {@link #close()} closes what the test
 * opened (last first), then deletes every key under the prefix from the machine's Redis.
 */
public final class TestStores implements AutoCloseable {

    /** The machine's Redis. */
    public static final URI SHARED_REDIS = URI.create("redis://127.0.0.1:6379");

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final String prefix = "sema-test-" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> opened = new ArrayList<>();

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public String prefix() {
        return prefix;
    }

    /** Closes {@code resource} when the test ends, before the keys are deleted. */
    public <T extends AutoCloseable> T closeAtEnd(T resource) {
        opened.add(resource);
        return resource;
    }

    /** A store on {@code redis} under the prefix; the caller closes it (or hands it to {@link #closeAtEnd}). */
    public SharedStore open(URI redis) {
        // a generous timeout: on a loaded machine a 500 ms command once timed out and (rightly) counted Redis as down
        return SharedStore.open(new SharedStoreConfig(Optional.of(redis), prefix, Duration.ofSeconds(10),
                Duration.ofMillis(200)), scheduler);
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        try (SharedStore store = open(SHARED_REDIS)) {
            Eventually.until("the store connects to delete the test's keys", store::up);
            store.call(c -> {
                TestKeys.deleteAll(c, prefix);
                return true;
            }).orElseThrow();
        }
        scheduler.shutdownNow();
    }
}
