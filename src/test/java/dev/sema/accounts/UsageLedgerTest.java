package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageLedgerTest {

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-03T23:59:30Z"));

    @Test
    void aServedReservationIsChargedOnceHoweverOftenItIsSettled() throws Exception {
        ApiKey key = t.key(new KeyLimits(null, null, 1000L, null));
        Reservation r = t.ledger.reserve(key, 120, 0, lost -> { });
        assertEquals(120, t.held(key) - 1, "120 characters reserved, one reservation row");
        assertTrue(t.finish(r, true));
        assertFalse(t.finish(r, true), "a repeated settle (lost acknowledgement) finds nothing to do");
        assertFalse(t.finish(r, false));
        assertEquals(120, t.characters(key, Period.DAY));
        assertEquals(120, t.characters(key, Period.MONTH));
        assertEquals(1, t.requests(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void aReleasedReservationChargesNothing() throws Exception {
        ApiKey key = t.key(new KeyLimits(null, null, 1000L, null));
        Reservation r = t.ledger.reserve(key, 900, 0, lost -> { });
        t.finish(r, false);
        assertEquals(0, t.characters(key, Period.DAY));
        assertEquals(0, t.requests(key, Period.DAY));
        assertEquals(0, t.held(key));
        t.ledger.reserve(key, 1000, 0, lost -> { }); // the whole quota is free again
    }

    @Test
    void reservationsCountAgainstTheQuotaUntilTheyEnd() {
        ApiKey key = t.key(new KeyLimits(null, null, 250L, null));
        t.ledger.reserve(key, 100, 0, lost -> { });
        t.ledger.reserve(key, 100, 0, lost -> { });
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> t.ledger.reserve(key, 100, 0, lost -> { }));
        assertEquals(Period.DAY, e.period());
        assertEquals(250, e.limit());
        assertEquals(30, e.retryAfterSeconds(), "23:59:30 UTC: the day ends in 30 s");
        t.ledger.reserve(key, 50, 0, lost -> { }); // what is left still fits
    }

    @Test
    void theMonthlyQuotaRenewsOnTheFirstOfTheNextMonth() {
        t.clock.set(Instant.parse("2026-12-31T12:00:00Z"));
        ApiKey key = t.key(new KeyLimits(null, null, null, 100L));
        t.finish(t.ledger.reserve(key, 100, 0, lost -> { }), true);
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> t.ledger.reserve(key, 1, 0, lost -> { }));
        assertEquals(Period.MONTH, e.period());
        assertEquals(Duration.ofHours(12).toSeconds(), e.retryAfterSeconds());
        t.clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        t.ledger.reserve(key, 100, 0, lost -> { });
    }

    @Test
    void detectionCountsARequestEvenWhenTheCharactersAreSpent() {
        ApiKey key = t.key(new KeyLimits(null, null, 10L, null));
        t.finish(t.ledger.reserve(key, 10, 0, lost -> { }), true);
        t.finish(t.ledger.reserve(key, 0, 0, lost -> { }), true);
        assertEquals(10, t.characters(key, Period.DAY));
        assertEquals(2, t.requests(key, Period.DAY));
    }

    @Test
    void concurrentReservationsNeverOvershoot() throws Exception {
        ApiKey key = t.key(new KeyLimits(null, null, 1000L, null));
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> {
                try {
                    t.finish(t.ledger.reserve(key, 100, 0, lost -> { }), true);
                    return true;
                } catch (QuotaExceededException e) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        int served = 0;
        try {
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                served += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, served);
        assertEquals(1000, t.characters(key, Period.DAY));
    }

    @Test
    void staleReservationsAreReleased() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        Hold served = t.quotas.reserve(key, 40);
        Reservation abandoned = t.ledger.reserve(key, 7, 0, lost -> { });
        t.quotas.finish(served, true);
        t.settler.settle();
        assertEquals(40, t.characters(key, Period.DAY));
        assertEquals(7 + 1, t.held(key), "the abandoned reservation still holds its characters");
        t.quotas.sweep();
        assertEquals(7 + 1, t.held(key), "not stale yet");
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(11)));
        t.quotas.sweep();
        assertEquals(0, t.held(key));
        assertFalse(t.finish(abandoned, true), "its server, back after all, cannot charge it any more");
        assertEquals(40, t.characters(key, Period.MONTH), "(the clock is on the next day by now)");
    }

    @Test
    void aQuotaRefusalIsReported() {
        ApiKey key = t.key(new KeyLimits(null, null, 5L, null));
        assertThrows(QuotaExceededException.class, () -> t.quotas.reserve(key, 6));
        assertEquals(List.of("quota_exceeded DAY 5 6"), t.events.seen);
    }
}
