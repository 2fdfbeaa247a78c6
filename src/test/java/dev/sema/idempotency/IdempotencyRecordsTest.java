package dev.sema.idempotency;

import dev.sema.fleet.Eventually;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.SharedStoreConfig;
import dev.sema.fleet.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The idempotency protocol on both stores: in memory, and in the machine's real Redis under a prefix of the test's
 * own (two {@link IdempotencyRecords} on one Redis stand for two replicas).
 */
class IdempotencyRecordsTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final IdempotencyConfig CONFIG = new IdempotencyConfig(DAY, Duration.ofMinutes(5),
            Duration.ofMillis(300), 1024, 1 << 20);
    private static final StoredAnswer ANSWER = new StoredAnswer(200, "application/json",
            "{\"translated_text\":\"Habari\"}".getBytes(StandardCharsets.UTF_8));

    private TestStores stores;
    private IdempotencyRecords one;
    private IdempotencyRecords two;

    @BeforeEach
    void open() {
        stores = new TestStores();
    }

    @AfterEach
    void close() throws Exception {
        stores.close();
    }

    /** Two "replicas": sharing Redis, or (memory) the same records twice, as one server's requests see them. */
    private void replicas(String kind) throws InterruptedException {
        if (kind.equals("redis")) {
            SharedStore store = stores.closeAtEnd(stores.open(TestStores.SHARED_REDIS));
            Eventually.until("the store connects", store::up);
            one = stores.closeAtEnd(IdempotencyRecords.open(CONFIG, store, stores.scheduler()));
            SharedStore other = stores.closeAtEnd(stores.open(TestStores.SHARED_REDIS));
            Eventually.until("the second store connects", other::up);
            two = stores.closeAtEnd(IdempotencyRecords.open(CONFIG, other, stores.scheduler()));
        } else {
            SharedStore none = stores.closeAtEnd(SharedStore.open(new SharedStoreConfig(Optional.empty(), "x:",
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), stores.scheduler()));
            one = stores.closeAtEnd(IdempotencyRecords.open(CONFIG, none, stores.scheduler()));
            two = one;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aCompletedRequestIsReplayedByteForByteAndAnotherBodyIsRefused(String kind) throws InterruptedException {
        replicas(kind);
        Claim claim = assertInstanceOf(Verdict.Proceed.class, one.begin("key:k1:abc", "fp1", DAY)).claim();
        assertInstanceOf(Verdict.Busy.class, two.begin("key:k1:abc", "fp1", DAY));
        assertInstanceOf(Verdict.Mismatch.class, two.begin("key:k1:abc", "fp2", DAY));
        one.complete(claim, ANSWER);

        StoredAnswer replayed = assertInstanceOf(Verdict.Replay.class, two.begin("key:k1:abc", "fp1", DAY)).answer();
        assertEquals(200, replayed.status());
        assertEquals("application/json", replayed.contentType());
        assertArrayEquals(ANSWER.body(), replayed.body());
        assertInstanceOf(Verdict.Mismatch.class, two.begin("key:k1:abc", "fp2", DAY));
        assertInstanceOf(Verdict.Proceed.class, two.begin("key:k2:abc", "fp1", DAY), "another caller's key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void anAbandonedOrOversizedAnswerFreesTheKey(String kind) throws InterruptedException {
        replicas(kind);
        Claim failed = assertInstanceOf(Verdict.Proceed.class, one.begin("k", "fp", DAY)).claim();
        one.abandon(failed);
        Claim big = assertInstanceOf(Verdict.Proceed.class, two.begin("k", "fp", DAY)).claim();
        two.complete(big, new StoredAnswer(200, "application/json", new byte[1025]));
        assertInstanceOf(Verdict.Proceed.class, one.begin("k", "fp", DAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aRunningClaimIsRenewedPastItsLease(String kind) throws Exception {
        replicas(kind);
        Claim claim = assertInstanceOf(Verdict.Proceed.class, one.begin("k", "fp", DAY)).claim();
        Thread.sleep(CONFIG.lease().toMillis() * 3);
        assertInstanceOf(Verdict.Busy.class, two.begin("k", "fp", DAY), "renewed three leases later");
        one.complete(claim, ANSWER);
        assertInstanceOf(Verdict.Replay.class, two.begin("k", "fp", DAY));
    }

    /** A replica that dies mid-request stops renewing: the balancer's replay waits for the claim to lapse. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aDeadReplicasClaimLapsesAndTheReplayWaitsForIt(String kind) throws Exception {
        replicas(kind);
        assertInstanceOf(Verdict.Proceed.class, one.await("k", "fp", DAY, "lb-1", Duration.ofSeconds(30)));
        one.close(); // no more renewals: as dead as a replica gets within one JVM
        long start = System.nanoTime();
        assertInstanceOf(Verdict.Proceed.class, two.await("k", "fp", DAY, "lb-1", Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start >= CONFIG.lease().toNanos() / 2, "took over before the lease lapsed");
    }

    /** Only a replay waits: another request with the same key, stamped with another id or none, is busy at once. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void aRunningClaimOfAnotherRequestIsBusyAndNotAReplay(String kind) throws Exception {
        replicas(kind);
        Claim claim = assertInstanceOf(Verdict.Proceed.class, one.await("k", "fp", DAY, "lb-1", Duration.ZERO))
                .claim();
        assertEquals(new Verdict.Busy(false), two.await("k", "fp", DAY, "lb-2", Duration.ofSeconds(30)));
        assertEquals(new Verdict.Busy(false), two.begin("k", "fp", DAY));
        assertEquals(new Verdict.Busy(true), two.await("k", "fp", DAY, "lb-1", Duration.ZERO),
                "its own first try, renewed: still running when the wait ends");
        one.complete(claim, ANSWER);
        assertInstanceOf(Verdict.Replay.class, two.await("k", "fp", DAY, "lb-1", Duration.ZERO));
    }

    /** Many replicas racing for one key: exactly one proceeds, whatever the interleaving. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void exactlyOneOfConcurrentRequestsProceeds(String kind) throws Exception {
        replicas(kind);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Verdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            IdempotencyRecords records = i % 2 == 0 ? one : two;
            verdicts.add(pool.submit(() -> {
                start.await();
                return records.begin("race", "fp", DAY);
            }));
        }
        start.countDown();
        int proceeded = 0;
        for (Future<Verdict> verdict : verdicts) {
            proceeded += verdict.get() instanceof Verdict.Proceed ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, proceeded);
    }
}
