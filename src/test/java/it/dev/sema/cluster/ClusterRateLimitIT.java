package it.dev.sema.cluster;

import dev.sema.fleet.OwnRedis;
import it.dev.sema.Http;
import it.dev.sema.MetricsScrape;
import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits and idempotency records of three replicas behind HAProxy sharing a Redis of this class's own (so that a test may cut it):
 * 60 per minute and 1000 per hour per client, the balancer (127.0.0.1) trusted to forward the client's address,
 * so each test is a client of its own, named in X-Forwarded-For. Redis's command timeout is long (5 s): a slow
 * moment of a loaded build machine must not count as an outage, which would leave each replica limiting alone.
 */
class ClusterRateLimitIT {

    private static final String DETECT = "/api/v1/detect-language";
    private static final String TRANSLATE = "/api/v1/translate";
    private static final String TEXT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final OwnRedis REDIS = OwnRedis.startForClass();

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(3).with("SEMA_REDIS_URL", REDIS.url().toString())
            .with("SEMA_RATE_LIMIT_PER_MINUTE", "60").with("SEMA_RATE_LIMIT_PER_HOUR", "1000")
            .with("SEMA_TRUSTED_PROXIES", "127.0.0.1").with("SEMA_REDIS_TIMEOUT_MS", "5000");

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.close();
    }

    @BeforeEach
    void replicasShareRedis() throws InterruptedException {
        awaitSharedStore(1.0);
    }

    @Test
    void sixtyFiveRequestsSpreadOverThreeReplicasGiveExactlySixtyPasses() {
        Map<String, String> client = client();
        BalancerStats before = CLUSTER.balancerStats();
        int passed = 0;
        for (int i = 0; i < 65; i++) {
            Http.Reply reply = CLUSTER.balancer().post(DETECT, TEXT, client);
            if (i < 60) {
                reply.expect(200);
                assertEquals(Integer.toString(59 - i), reply.header("RateLimit-Remaining"),
                        "request " + i + " counted by all replicas together");
                passed++;
            } else {
                reply.error(429, "rate_limited");
                assertEquals("0", reply.header("RateLimit-Remaining"));
                long retryAfter = Long.parseLong(reply.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            }
        }
        assertEquals(60, passed);
        BalancerStats after = CLUSTER.balancerStats();
        for (int i = 1; i <= CLUSTER.size(); i++) {
            assertTrue(after.replica(i, "stot") > before.replica(i, "stot"), "replica " + i + " served none of them");
        }
    }

    /**
     * One request, then 59 twenty seconds later: when the first one's minute ends, exactly one more passes (fixed
     * windows would refill all 60 there), and the next waits for the 59.
     */
    @Test
    void atTheEndOfAMinuteOnlyWhatLeftTheWindowPassesAgain() throws InterruptedException {
        Map<String, String> client = client();
        CLUSTER.balancer().post(DETECT, TEXT, client).expect(200);
        Thread.sleep(20_000);
        long laterOnes = System.nanoTime();
        for (int i = 0; i < 59; i++) {
            CLUSTER.balancer().post(DETECT, TEXT, client).expect(200);
        }
        Http.Reply full = CLUSTER.balancer().post(DETECT, TEXT, client);
        full.error(429, "rate_limited");
        long retryAfter = Long.parseLong(full.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 40, "the first request leaves within 40 s: " + retryAfter);

        Thread.sleep(retryAfter * 1000);
        Http.Reply freed = CLUSTER.balancer().post(DETECT, TEXT, client);
        freed.expect(200);
        assertEquals("0", freed.header("RateLimit-Remaining"), "one slot freed, one taken");
        Http.Reply next = CLUSTER.balancer().post(DETECT, TEXT, client);
        assertTrue(System.nanoTime() - laterOnes < Duration.ofSeconds(60).toNanos(),
                "the 59 were to be still in the window; the machine took over 20 s longer than the test allows");
        next.error(429, "rate_limited");
        long untilTheLaterOnes = Long.parseLong(next.header("Retry-After"));
        assertTrue(untilTheLaterOnes >= 1 && untilTheLaterOnes <= 60, "Retry-After " + untilTheLaterOnes);
    }

    /**
     * Fresh clients (one request each, so the limiter admits every one and each charge goes to Redis) keep
     * sending while Redis is killed and started again: no request fails, and afterwards one limit is shared again.
     */
    @Test
    void cuttingRedisMidLoadFailsNoRequestAndLimitsAreSharedAgainAfter() throws Exception {
        try (FreshClients load = new FreshClients(4)) {
            load.awaitServed(40);
            REDIS.stop();
            awaitSharedStore(0.0);
            load.awaitServed(40);
            REDIS.startAgain();
            awaitSharedStore(1.0);
            load.awaitServed(40);
            load.close();
            System.out.printf("Redis cut mid-load: %d requests served, %d failed%n", load.served.get(),
                    load.failures.size());
            assertEquals(List.of(), List.copyOf(load.failures), "what clients saw while Redis was away");
        }
        Map<String, String> client = client();
        int passed = 0;
        for (int i = 0; i < 65; i++) {
            passed += CLUSTER.balancer().post(DETECT, TEXT, client).status() == 200 ? 1 : 0;
        }
        assertEquals(60, passed, "the replicas share one limit again");
    }

    /** Waits until every replica's {@code sema_shared_store_up} is {@code value}. */
    /** A retry with the same Idempotency-Key on any replica gets the first answer, and the key pays once. */
    @Test
    void aRetryOnAnotherReplicaGetsTheFirstAnswerAndIsChargedOnce() {
        Keys.Key key = Keys.create(CLUSTER.replica(1), Keys.body("retries " + UUID.randomUUID(), ""));
        Map<String, String> headers = new HashMap<>(key.headers());
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        String text = "Sent again after a timeout";
        String first = CLUSTER.replica(1).post(TRANSLATE, Keys.translation(text), headers).expect(200).body();
        for (int i = 2; i <= CLUSTER.size(); i++) {
            Http.Reply retry = CLUSTER.replica(i).post(TRANSLATE, Keys.translation(text), headers).expect(200);
            assertEquals(first, retry.body(), "replica " + i + " answers the first answer");
            assertEquals("true", retry.header("Idempotent-Replayed"));
        }
        CLUSTER.replica(3).post(TRANSLATE, Keys.translation("Another text"), headers)
                .error(422, "idempotency_key_reused");
        assertEquals(text.length(), charactersToday(key));
    }

    /**
     * The balancer's replay of a request whose answer was lost with its replica: another replica finds the answer
     * under the balancer's request id and sends it, uncharged (here the test stands for the balancer, from a trusted
     * address). A client cannot pick that id through the balancer, which replaces it with its own on every request.
     */
    @Test
    void theBalancersRequestIdMakesAReplayFreeAndIsTheBalancersOwn() {
        Keys.Key key = Keys.create(CLUSTER.replica(1), Keys.body("replays " + UUID.randomUUID(), ""));
        Map<String, String> stamped = new HashMap<>(key.headers());
        stamped.put("Sema-Balancer-Request-Id", UUID.randomUUID().toString());
        String text = "Answered just before its replica died";
        String first = CLUSTER.replica(1).post(TRANSLATE, Keys.translation(text), stamped).expect(200).body();
        Http.Reply replay = CLUSTER.replica(2).post(TRANSLATE, Keys.translation(text), stamped).expect(200);
        assertEquals(first, replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(text.length(), charactersToday(key));

        for (int i = 0; i < 2; i++) {
            Http.Reply through = CLUSTER.balancer().post(TRANSLATE, Keys.translation(text), stamped).expect(200);
            assertEquals(null, through.header("Idempotent-Replayed"), "the client's id reached a replica");
        }
        assertEquals(3L * text.length(), charactersToday(key));
    }

    /** The key's usage once every replica has recorded what it served (each admin read flushes that replica's). */
    private static long charactersToday(Keys.Key key) {
        long characters = 0;
        for (int i = 1; i <= CLUSTER.size(); i++) {
            characters = Keys.charactersToday(CLUSTER.replica(i), key.id());
        }
        return characters;
    }

    private static void awaitSharedStore(double value) throws InterruptedException {
        for (int i = 1; i <= CLUSTER.size(); i++) {
            Http replica = CLUSTER.replica(i);
            ClusterIT.awaitTrue(DEADLINE, "replica " + i + "'s sema_shared_store_up to be " + value,
                    () -> Double.valueOf(value).equals(MetricsScrape.of(replica)
                            .get(MetricsScrape.key("sema_shared_store_up"))));
        }
    }

    /** A client of its own: a random documentation address (RFC 3849), forwarded by the balancer. */
    private static Map<String, String> client() {
        UUID random = UUID.randomUUID();
        return Map.of("Content-Type", "application/json", "X-Forwarded-For", "2001:db8:"
                + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(random.getLeastSignificantBits() & 0xffff) + "::1");
    }

    /** Threads sending one request per fresh client through the balancer, counting 200s and anything else. */
    private static final class FreshClients implements AutoCloseable {

        final AtomicLong served = new AtomicLong();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        FreshClients(int count) {
            for (int t = 0; t < count; t++) {
                Thread thread = new Thread(this::run, "fresh clients " + t);
                threads.add(thread);
                thread.start();
            }
        }

        void awaitServed(long more) throws InterruptedException {
            long goal = served.get() + more;
            ClusterIT.awaitTrue(DEADLINE, goal + " requests served (failures: " + failures + ")",
                    () -> served.get() >= goal);
        }

        private void run() {
            while (!stopped.get()) {
                try {
                    Http.Reply reply = CLUSTER.balancer().post(DETECT, TEXT, client());
                    if (reply.status() == 200) {
                        served.incrementAndGet();
                    } else {
                        failures.add(reply.status() + " " + reply.body());
                    }
                    Thread.sleep(50); // leave the cores to the replicas
                } catch (UncheckedIOException e) {
                    failures.add(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(DEADLINE.toMillis());
            }
        }
    }
}
