package dev.sema.guard;

import dev.sema.api.error.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceGuardTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void runsTheInferenceAndPassesItsFailuresThrough() {
        InferenceGuard guard = new InferenceGuard(2, 2, "5");
        assertEquals("ok", guard.run(() -> "ok"));
        IllegalStateException boom = assertThrows(IllegalStateException.class,
                () -> guard.run(() -> { throw new IllegalStateException("boom"); }));
        assertEquals("boom", boom.getMessage());
        assertEquals(0, guard.running(), "a failed inference gives its slot back");
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503Overloaded() throws Exception {
        InferenceGuard guard = new InferenceGuard(1, 1, "30");
        Future<String> running = pool.submit(() -> guard.run(this::blockUntilReleased));
        awaitCondition(() -> guard.running() == 1);
        Future<String> queued = pool.submit(() -> guard.run(() -> "queued"));
        awaitCondition(() -> guard.queueDepth() == 1);

        long start = System.nanoTime();
        ApiException refused = assertThrows(ApiException.class, () -> guard.run(() -> "third"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refusal must not wait for the timeout");
        assertEquals(503, refused.status());
        assertEquals("overloaded", refused.code());
        assertEquals("1", refused.headers().get("Retry-After"));

        release.countDown();
        assertEquals("released", running.get(5, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
        assertEquals(0, guard.queueDepth());
        assertEquals(0, guard.running());
    }

    @Test
    void waitingLongerThanTheTimeoutIs503Timeout() throws Exception {
        InferenceGuard guard = new InferenceGuard(1, 4, "0.2");
        pool.submit(() -> guard.run(this::blockUntilReleased));
        awaitCondition(() -> guard.running() == 1);
        ApiException e = assertThrows(ApiException.class, () -> guard.run(() -> "late"));
        assertEquals(503, e.status());
        assertEquals("timeout", e.code());
        assertEquals(0, guard.queueDepth(), "a timed-out caller leaves the queue");
    }

    @Test
    void concurrencyIsNeverExceeded() throws Exception {
        InferenceGuard guard = new InferenceGuard(3, 100, "30");
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(pool.submit(() -> guard.run(() -> {
                int now = guard.running();
                Thread.onSpinWait();
                return now;
            })));
        }
        for (Future<Integer> r : results) {
            assertTrue(r.get(10, TimeUnit.SECONDS) <= 3);
        }
    }

    @Test
    void defaultsFollowTheMachineAndTimeoutsParseBothWays() {
        InferenceGuard guard = new InferenceGuard(0, -1, "PT0.5S");
        assertEquals(0, guard.running());
        assertEquals(Duration.ofMillis(500), InferenceGuard.parseTimeout("0.5"));
        assertEquals(Duration.ofSeconds(30), InferenceGuard.parseTimeout("PT30S"));
    }

    private String blockUntilReleased() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 5 s");
            Thread.sleep(5);
        }
    }
}
