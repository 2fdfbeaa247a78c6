package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageSettlerTest {

    private static final LocalDate DEC_3 = LocalDate.parse("2026-12-03");
    private static final LocalDate DEC_4 = LocalDate.parse("2026-12-04");

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-03T23:59:30Z"));

    @Test
    void servedRequestsAreRecordedLaterInBatchesAndHeldUntilThen() throws Exception {
        ApiKey hot = t.key(new KeyLimits(null, null, 1_000_000L, null));
        ApiKey other = t.key(KeyLimits.UNLIMITED);
        for (int i = 0; i < 1100; i++) {
            t.quotas.finish(t.quotas.reserve(i % 10 == 0 ? other : hot, 3), true);
        }
        assertEquals(1100, t.settler.pendingCount());
        assertEquals(0, t.characters(hot, Period.DAY), "nothing recorded on the response path");
        assertEquals(990 * 3 + 990, t.held(hot), "990 reservations still hold 3 characters each");

        int commits = t.commits.get();
        t.settler.settle();
        assertEquals(3, t.commits.get() - commits, "1,100 outcomes in batches of 500: three transactions");
        assertEquals(0, t.settler.pendingCount());
        for (Period period : Period.values()) {
            assertEquals(990 * 3, t.characters(hot, period));
            assertEquals(990, t.requests(hot, period));
            assertEquals(110 * 3, t.characters(other, period));
            assertEquals(110, t.requests(other, period));
        }
        assertEquals(0, t.held(hot));
        assertEquals(0, t.held(other));
    }

    @Test
    void aBatchChargesEachReservationOnceToTheDayThatAdmittedIt() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        Reservation late = t.ledger.reserve(key, 100, 0, lost -> { });
        Reservation failed = t.ledger.reserve(key, 50, 0, lost -> { });
        t.clock.set(Instant.parse("2026-12-04T00:00:10Z"));
        Reservation early = t.ledger.reserve(key, 20, 0, lost -> { });
        Reservation endedBefore = t.ledger.reserve(key, 5, 0, lost -> { });
        assertTrue(t.finish(endedBefore, true));
        for (Settlement step : List.of(Settlement.served(late), Settlement.served(late), Settlement.released(failed),
                Settlement.served(early), Settlement.served(endedBefore))) {
            t.settler.add(step);
        }
        int commits = t.commits.get();
        t.settler.settle();
        assertEquals(1, t.commits.get() - commits, "one transaction for the whole batch");
        assertEquals(List.of(new DailyUsage(DEC_3, 100, 1), new DailyUsage(DEC_4, 25, 2)),
                t.ledger.days(key.id(), DEC_3, DEC_4), "the repeated and the already ended outcome count once");
        assertEquals(125, t.characters(key, Period.MONTH));
        assertEquals(3, t.requests(key, Period.MONTH));
        assertEquals(0, t.held(key));
    }

    @Test
    void anOutageDelaysOutcomesAndALostCommitCountsNothingTwice() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        Hold served = t.quotas.reserve(key, 30);
        Hold failed = t.quotas.reserve(key, 12);
        t.quotas.finish(served, true);
        t.setDown(true);
        t.quotas.finish(failed, false); // its immediate release cannot reach the database: queued as well
        assertThrows(AccountsUnavailableException.class, t.settler::settle);
        assertEquals(2, t.settler.pendingCount());

        t.setDown(false);
        t.loseNextCommit();
        assertThrows(AccountsUnavailableException.class, t.settler::settle);
        assertEquals(2, t.settler.pendingCount(), "a batch whose commit was not acknowledged stays queued");
        assertEquals(30, t.characters(key, Period.DAY), "although the database applied it");

        t.settler.settle();
        assertEquals(0, t.settler.pendingCount());
        assertEquals(30, t.characters(key, Period.DAY));
        assertEquals(1, t.requests(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void readsOfUsageIncludeEveryRequestThisServerAnswered() {
        KeyAdministration admin = t.administration(t.authenticator(AccountsMode.OPTIONAL));
        ApiKey key = t.key(new KeyLimits(null, null, 1000L, null));
        t.quotas.finish(t.quotas.reserve(key, 64), true);
        assertEquals(0, t.characters(key, Period.DAY), "the ledger alone has not seen it yet");
        assertNull(t.store.find(key.id()).orElseThrow().lastUsedAt());
        assertEquals(t.clock.instant(), admin.get(key.id()).lastUsedAt().toInstant());
        assertEquals(64, admin.usage(key).get(Period.DAY).characters());
        assertEquals(1, admin.usage(key).get(Period.MONTH).requests());
        t.quotas.finish(t.quotas.reserve(key, 36), true);
        assertEquals(List.of(new DailyUsage(DEC_3, 100, 2)), admin.days(key.id(), DEC_3, DEC_3));
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(2)));
        t.quotas.finish(t.quotas.reserve(key, 1), true);
        assertEquals(t.clock.instant(), admin.list().get(0).lastUsedAt().toInstant());
        assertEquals(0, t.settler.pendingCount());
    }

    @Test
    void aFailedRequestFreesItsCharactersAtOnce() {
        ApiKey key = t.key(new KeyLimits(null, null, 100L, null));
        t.quotas.finish(t.quotas.reserve(key, 100), false);
        assertEquals(0, t.settler.pendingCount());
        t.quotas.finish(t.quotas.reserve(key, 100), true); // fits without any settling in between
        assertThrows(QuotaExceededException.class, () -> t.quotas.reserve(key, 1), "the served one still holds");
    }

    @Test
    void quotasNeverOvershootWhileOutcomesWaitToBeSettled() throws Exception {
        ApiKey key = t.key(new KeyLimits(null, null, 1000L, null));
        int served = t.fortyConcurrentRequestsOfAHundred(key, round -> t.settler.settle());
        assertEquals(10, served);
        t.settler.settle();
        assertEquals(1000, t.characters(key, Period.DAY));
        assertEquals(10, t.requests(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void shutdownRecordsWhatIsQueuedAndLaterOutcomesAtOnce() {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        t.quotas.finish(t.quotas.reserve(key, 10), true);
        assertEquals(1, t.settler.pendingCount());
        assertEquals(0, t.settler.shutdown(Duration.ZERO));
        assertEquals(10, t.characters(key, Period.DAY));
        t.quotas.finish(t.quotas.reserve(key, 5), true); // a request that ends while the server stops
        assertEquals(0, t.settler.pendingCount());
        assertEquals(15, t.characters(key, Period.DAY));
        assertEquals(2, t.requests(key, Period.DAY));
    }

    @Test
    void shutdownGivesUpOnAnAbsentDatabaseAfterItsGrace() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        t.quotas.finish(t.quotas.reserve(key, 10), true);
        t.setDown(true);
        assertEquals(1, t.settler.shutdown(Duration.ZERO), "one outcome could not be recorded");
        t.setDown(false);
        assertEquals(0, t.characters(key, Period.DAY), "never charged: its reservation waits for the sweep");
        assertEquals(10 + 1, t.held(key));
    }
}
