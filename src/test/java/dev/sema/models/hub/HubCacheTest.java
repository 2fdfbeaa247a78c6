package dev.sema.models.hub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheTest {

    @TempDir
    Path root;

    /** Concurrent model fetches record the same absent optional file at once; none of them may fail for it. */
    @Test
    void racingMissingMarkersAllSucceed() throws Exception {
        HubCache cache = new HubCache(root);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                String file = "round-" + round + "/tokenizer_config.json";
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<?>> racers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    racers.add(pool.submit(() -> {
                        start.await(60, TimeUnit.SECONDS); // fails with TimeoutException if a racer never came
                        cache.markMissing("org/name", "0123abcd", file);
                        return null;
                    }));
                }
                for (Future<?> racer : racers) {
                    racer.get(60, TimeUnit.SECONDS);
                }
                assertTrue(cache.knownMissing("org/name", "0123abcd", file));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
