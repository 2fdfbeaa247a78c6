package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.accounts.TestLedger.MovableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job queue on a real H2 database migrated by the real scripts: one claimant wins a job however many race for
 * it, a live lease keeps the others off, an expired one lets another replica take over and continue from the
 * recorded parts, and the replica that lost its lease can no longer write.
 */
class JobQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private AccountsDatabase db;
    private DocumentStore store;
    private JobQueue queue;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jobs" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db = new AccountsDatabase(h2, 1);
        store = new DocumentStore(db);
        queue = new JobQueue(db, clock, LEASE);
    }

    private String queued(int parts) {
        return queued(parts, null);
    }

    private String queued(int parts, DocumentGlossary glossary) {
        String id = UUID.randomUUID().toString();
        store.insert(new StoredDocument(id, null, "0".repeat(64), DocumentStatus.QUEUED, "txt", "a.txt", "eng_Latn",
                "fra_Latn", parts, 0, 0, null, null, OffsetDateTime.now(clock), null, null), new byte[] {1, 2},
                new byte[] {3}, glossary);
        return id;
    }

    @Test
    void aDocumentsGlossaryCopyComesWithItsClaimAndIsErasedWhenTheJobEnds() {
        String id = queued(1, new DocumentGlossary("g_1", 4, new byte[] {5, 6}));
        JobQueue.Claim claim = queue.claim("a").orElseThrow();
        assertEquals("g_1", claim.glossary().id());
        assertEquals(4, claim.glossary().version());
        assertArrayEquals(new byte[] {5, 6}, claim.glossary().sealedEntries());
        assertTrue(queue.complete(id, "a", new byte[] {4}, 0));
        assertNull(column(id, "glossary_entries"), "the copy is erased with the original");

        queued(1);
        assertNull(queue.claim("a").orElseThrow().glossary(), "no glossary, no copy");
    }

    @Test
    void oneOfManyRacingClaimantsGetsTheJob() throws Exception {
        queued(1);
        int claimants = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<JobQueue.Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                String owner = "replica-" + i;
                Callable<Optional<JobQueue.Claim>> claim = () -> {
                    start.await();
                    return queue.claim(owner);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<JobQueue.Claim>> claim : claims) {
                won += claim.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheWorkContinuesFromTheRecordedParts() {
        String id = queued(3);
        JobQueue.Claim first = queue.claim("a").orElseThrow();
        assertArrayEquals(new byte[] {1, 2}, first.sealedOriginal());
        assertEquals(DocumentStatus.TRANSLATING, first.document().status());
        assertTrue(queue.claim("b").isEmpty(), "a live lease keeps others off");
        assertTrue(queue.recordParts(id, "a", Map.of(0, new JobQueue.SealedPart(new byte[] {9}, 5)), 1, 5));
        clock.set(clock.instant().plus(LEASE.minusSeconds(1)));
        assertTrue(queue.claim("b").isEmpty(), "renewed by the recorded part");
        clock.set(clock.instant().plus(Duration.ofSeconds(2)));
        JobQueue.Claim second = queue.claim("b").orElseThrow(); // a died: its lease ran out
        assertEquals(1, second.document().segmentsDone());
        assertEquals(Map.of(0, List.of((byte) 9)), queue.finishedParts(id).entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()[0]))));
        assertFalse(queue.recordParts(id, "a", Map.of(1, new JobQueue.SealedPart(new byte[] {7}, 3)), 2, 8),
                "the replica that lost the lease writes nothing");
        assertEquals(1, queue.finishedParts(id).size());
        assertTrue(queue.recordParts(id, "b", Map.of(1, new JobQueue.SealedPart(new byte[] {8}, 3),
                2, new JobQueue.SealedPart(new byte[] {8}, 2)), 3, 10));
        assertEquals(10, queue.partCharacters(id));
        assertFalse(queue.complete(id, "a", new byte[] {4}, 10));
        assertTrue(queue.complete(id, "b", new byte[] {4}, 10));
        StoredDocument done = store.find(id).orElseThrow();
        assertEquals(DocumentStatus.DONE, done.status());
        assertEquals(10, done.billedCharacters());
        assertArrayEquals(new byte[] {4}, store.result(id).orElseThrow());
        assertNull(column(id, "wrapped_key"), "the wrapped key is erased when the job ends");
        assertNull(column(id, "original"));
        assertTrue(queue.finishedParts(id).isEmpty());
        assertTrue(queue.claim("c").isEmpty(), "a finished job is never claimed again");
    }

    @Test
    void aJobGivenBackWaitsAndADeletedOneStopsItsWorker() {
        String id = queued(2);
        queue.claim("a").orElseThrow();
        queue.release(id, "a", Duration.ofSeconds(5));
        assertTrue(queue.claim("b").isEmpty());
        clock.set(clock.instant().plus(Duration.ofSeconds(6)));
        queue.claim("b").orElseThrow();
        assertTrue(store.delete(id));
        assertFalse(queue.recordParts(id, "b", Map.of(0, new JobQueue.SealedPart(new byte[] {1}, 1)), 1, 1));
        assertEquals(0, store.countInFlight(null, true));
    }

    private byte[] column(String id, String column) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM documents WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        });
    }
}
