package dev.sema.guard;

import dev.sema.fleet.Eventually;
import dev.sema.fleet.OwnRedis;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.TestKeys;
import io.lettuce.core.ScoredValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limiters of two "replicas" sharing a real Redis: the machine's (127.0.0.1:6379, under a key prefix of this
 * test's own, deleted afterwards), and for the outage one started here on a free port, which the test stops and
 * starts again.
 */
class SharedWindowsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final URI SHARED_REDIS = URI.create("redis://127.0.0.1:6379");

    private final String prefix = "sema-test-" + UUID.randomUUID() + ":";
    private final List<ScheduledExecutorService> schedulers = new ArrayList<>();
    private final List<SharedStore> stores = new ArrayList<>();
    private OwnRedis ownRedis;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (ownRedis == null && !stores.isEmpty()) {
            SharedStore store = stores.get(0);
            store.call(c -> {
                TestKeys.deleteAll(c, prefix);
                return true;
            });
        }
        stores.forEach(SharedStore::close);
        schedulers.forEach(ScheduledExecutorService::shutdownNow);
        if (ownRedis != null) {
            ownRedis.close();
        }
    }

    @Test
    void twoReplicasTogetherAdmitExactlyTheLimit() throws InterruptedException {
        RateLimiter a = replica(SHARED_REDIS);
        RateLimiter b = replica(SHARED_REDIS);
        int admitted = 0;
        for (int i = 0; i < 65; i++) {
            RateLimitDecision d = (i % 2 == 0 ? a : b).consume("ip:192.0.2.1", 1);
            assertEquals(60, d.limit());
            if (i < 60) {
                assertTrue(d.allowed(), "request " + i);
                assertEquals(59 - i, d.remaining(), "both replicas count request " + i);
                assertTrue(d.resetSeconds() >= 1 && d.resetSeconds() <= 60, "reset " + d.resetSeconds());
                admitted++;
            } else {
                assertFalse(d.allowed(), "request " + i);
                assertEquals(0, d.remaining());
                assertEquals("minute", d.window());
                assertTrue(d.retryAfterSeconds() >= 1 && d.retryAfterSeconds() <= 60, "retry " + d.retryAfterSeconds());
                assertEquals(d.retryAfterSeconds(), d.resetSeconds(), "one request waits for the oldest admission");
            }
        }
        assertEquals(60, admitted);
        RateLimitDecision other = b.consume("ip:192.0.2.2", 1);
        assertTrue(other.allowed(), "another client has a budget of its own");
        assertEquals(59, other.remaining());
    }

    @Test
    void eightThreadsOnTwoReplicasGetExactlyTheLimit() throws Exception {
        RateLimiter a = replica(SHARED_REDIS);
        RateLimiter b = replica(SHARED_REDIS);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter replica = t % 2 == 0 ? a : b;
                counts.add(threads.submit(() -> {
                    start.await();
                    int passed = 0;
                    for (int i = 0; i < 20; i++) {
                        passed += replica.consume("ip:192.0.2.3", 1).allowed() ? 1 : 0;
                    }
                    return passed;
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Integer> count : counts) {
                passed += count.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            assertEquals(60, passed, "160 requests against 60 per minute");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchIsAllOrNothingAcrossReplicas() throws InterruptedException {
        RateLimiter a = replica(SHARED_REDIS);
        RateLimiter b = replica(SHARED_REDIS);
        assertTrue(a.consume("key:k1", new RateLimits(60, 100), 50).allowed());
        RateLimitDecision tooMany = b.consume("key:k1", new RateLimits(60, 100), 20);
        assertFalse(tooMany.allowed());
        assertEquals(10, tooMany.remaining(), "a refused batch takes nothing");
        assertTrue(tooMany.retryAfterSeconds() >= 1 && tooMany.retryAfterSeconds() <= 60);
        RateLimitDecision rest = b.consume("key:k1", new RateLimits(60, 100), 10);
        assertTrue(rest.allowed());
        assertEquals(0, rest.remaining());
        assertEquals(-1, a.consume("key:k1", new RateLimits(60, 100), 61).retryAfterSeconds(),
                "61 never fit a window of 60");
        RateLimitDecision raised = a.consume("key:k1", new RateLimits(80, 100), 5);
        assertTrue(raised.allowed(), "a key's limits raised in use: the same 60 admissions, 80 allowed");
        assertEquals(15, raised.remaining());
    }

    /**
     * The window moves with Redis's clock: admissions older than a minute no longer count, younger ones do, and
     * Retry-After waits for them. The log is seeded directly, with times taken from Redis.
     */
    @Test
    void admissionsLeaveTheWindowAMinuteAfterTheyWereMade() throws InterruptedException {
        RateLimiter a = replica(SHARED_REDIS);
        SharedStore store = stores.get(0);
        String key = store.key("rate", "ip:192.0.2.4");
        long now = store.call(c -> c.time()).map(t -> Long.parseLong(t.get(0)) * 1000
                + Long.parseLong(t.get(1)) / 1000).orElseThrow();
        List<ScoredValue<String>> seeded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seeded.add(ScoredValue.just(now - 61_000, "old-" + i));
            seeded.add(ScoredValue.just(now - 30_000, "young-" + i));
        }
        @SuppressWarnings("unchecked")
        ScoredValue<String>[] values = seeded.toArray(ScoredValue[]::new);
        store.call(c -> c.zadd(key, values));

        RateLimits perMinute = new RateLimits(60, 0);
        RateLimitDecision d = a.consume("ip:192.0.2.4", perMinute, 30);
        assertTrue(d.allowed(), "the 30 of 61 s ago are out, the 30 of 30 s ago in");
        assertEquals(0, d.remaining());
        assertTrue(d.resetSeconds() >= 1 && d.resetSeconds() <= 30, "the young ones leave within 30 s: "
                + d.resetSeconds());
        RateLimitDecision refused = a.consume("ip:192.0.2.4", perMinute, 1);
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 30,
                "Retry-After: when the young ones leave: " + refused.retryAfterSeconds());
        assertEquals(refused.resetSeconds(), refused.retryAfterSeconds());
        assertEquals(60L, store.call(c -> c.zcard(key)).orElseThrow(), "the old ones are gone from Redis");
        long ttl = store.call(c -> c.pttl(key)).orElseThrow();
        assertTrue(ttl > 0 && ttl <= 60_000, "the set expires with the window: " + ttl);
    }

    @Test
    void whileRedisIsDownEachReplicaLimitsAloneFromWhatItAdmittedAndSharesAgainAfter() throws Exception {
        ownRedis = OwnRedis.start();
        RateLimiter a = replica(ownRedis.url());
        RateLimiter b = replica(ownRedis.url());
        for (int i = 0; i < 30; i++) {
            assertTrue(a.consume("c", 1).allowed());
        }
        for (int i = 0; i < 9; i++) {
            assertTrue(b.consume("c", 1).allowed());
        }
        assertEquals(20, b.consume("c", 1).remaining(), "shared: 40 of 60 taken");

        ownRedis.stop();
        assertEquals(30, countAdmitted(a, "c", 40), "A alone: 30 more on top of the 30 it admitted itself");
        assertEquals(50, countAdmitted(b, "c", 60), "B alone: 50 more on top of its own 10");
        Eventually.until("both replicas notice the outage", () -> stores.stream().noneMatch(SharedStore::up));

        ownRedis.startAgain(); // empty, and without the script: EVALSHA fails once, EVAL loads it again
        Eventually.until("both replicas reconnect", () -> stores.stream().allMatch(SharedStore::up));
        int together = 0;
        for (int i = 0; i < 65; i++) {
            together += (i % 2 == 0 ? a : b).consume("d", 1).allowed() ? 1 : 0;
        }
        assertEquals(60, together, "shared again: both replicas together admit one limit");
    }

    private static int countAdmitted(RateLimiter limiter, String client, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            admitted += limiter.consume(client, 1).allowed() ? 1 : 0;
        }
        return admitted;
    }

    /** A replica's limiter: 60 per minute, 1000 per hour, its own shared store (connection), connected. */
    private RateLimiter replica(URI url) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        schedulers.add(scheduler);
        SharedStore store = RateLimiters.store(url, prefix, scheduler);
        stores.add(store);
        Eventually.until("the store connects", store::up);
        return new RateLimiter(new RateLimits(60, 1000), 100_000, System::nanoTime, store);
    }

}
