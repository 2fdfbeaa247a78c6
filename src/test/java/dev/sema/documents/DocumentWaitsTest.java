package dev.sema.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting for a document's end: a local end wakes the waiter without its recheck (here an hour, so only the wake-up
 * can end the test in time), an end elsewhere is seen by the recheck, an unknown document ends the wait with its
 * exception, and waiters past the bound are answered at once.
 */
@Timeout(60)
class DocumentWaitsTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static DocumentProgress progress(DocumentStatus status) {
        return new DocumentProgress(new StoredDocument("d", null, "h", status, "txt", "a.txt", "eng_Latn",
                "fra_Latn", 1, 0, 0, null, null, OffsetDateTime.now(), null, null), null);
    }

    @Test
    void anEndedDocumentIsAnsweredWithoutWaiting() {
        DocumentWaits waits = new DocumentWaits(HOUR, 1);
        AtomicInteger reads = new AtomicInteger();
        assertEquals(DocumentStatus.DONE, waits.await(() -> {
            reads.incrementAndGet();
            return progress(DocumentStatus.DONE);
        }, HOUR).document().status());
        assertEquals(1, reads.get());
    }

    @Test
    void aJobEndingHereWakesItsWaiterAtOnce() throws Exception {
        DocumentWaits waits = new DocumentWaits(HOUR, 1);
        AtomicReference<DocumentStatus> status = new AtomicReference<>(DocumentStatus.TRANSLATING);
        CountDownLatch firstRead = new CountDownLatch(1);
        CompletableFuture<DocumentProgress> answer = CompletableFuture.supplyAsync(() -> waits.await(() -> {
            firstRead.countDown();
            return progress(status.get());
        }, DocumentWaits.MAX_WAIT));
        assertTrue(firstRead.await(30, TimeUnit.SECONDS));
        status.set(DocumentStatus.DONE);
        waits.ended();
        assertEquals(DocumentStatus.DONE, answer.get(30, TimeUnit.SECONDS).document().status());
    }

    @Test
    void anEndOnAnotherReplicaIsSeenByTheRecheck() {
        DocumentWaits waits = new DocumentWaits(Duration.ofMillis(10), 1);
        AtomicInteger reads = new AtomicInteger();
        DocumentProgress answer = waits.await(() -> progress(reads.incrementAndGet() < 3 ? DocumentStatus.QUEUED
                : DocumentStatus.ERROR), HOUR);
        assertEquals(DocumentStatus.ERROR, answer.document().status());
        assertEquals(3, reads.get());
    }

    @Test
    void aDocumentDeletedMidWaitEndsItWithItsRefusal() {
        DocumentWaits waits = new DocumentWaits(Duration.ofMillis(10), 1);
        AtomicInteger reads = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> waits.await(() -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("gone");
            }
            return progress(DocumentStatus.QUEUED);
        }, HOUR));
        // the waiter's place was given back: the next one waits (and sees the end)
        AtomicInteger again = new AtomicInteger();
        assertEquals(DocumentStatus.DONE, waits.await(() -> progress(again.incrementAndGet() < 2
                ? DocumentStatus.QUEUED : DocumentStatus.DONE), HOUR).document().status());
    }

    @Test
    void pastTheBoundAWaiterIsAnsweredAtOnce() {
        DocumentWaits full = new DocumentWaits(HOUR, 0);
        AtomicInteger reads = new AtomicInteger();
        assertEquals(DocumentStatus.QUEUED, full.await(() -> {
            reads.incrementAndGet();
            return progress(DocumentStatus.QUEUED);
        }, HOUR).document().status());
        assertEquals(1, reads.get());
    }

    @Test
    void noWaitAsked() {
        DocumentWaits waits = new DocumentWaits(HOUR, 1);
        assertEquals(DocumentStatus.QUEUED, waits.await(() -> progress(DocumentStatus.QUEUED), Duration.ZERO)
                .document().status());
    }
}
