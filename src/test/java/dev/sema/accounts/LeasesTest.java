package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Characters a server reserves ahead for a key's next requests ({@link Lease}), through {@link Quotas}. */
class LeasesTest {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    private final TestLedger t = new TestLedger(NOON, 1000);

    @Test
    void aKeyFarFromItsLimitsIsAdmittedFromBlocksReservedAheadOneCommitPerBlock() throws Exception {
        ApiKey key = t.key(new KeyLimits(null, null, 1_000_000L, null));
        int commits = t.commits.get();
        for (int i = 0; i < 100; i++) {
            t.quotas.finish(t.quotas.reserve(key, 10), true);
        }
        assertEquals(2, t.commits.get() - commits, "10 + 1,000 ahead; at 240 left (77 requests) a successor of"
                + " 1,000: two commits for 100 requests");
        assertEquals(0, t.characters(key, Period.DAY), "nothing recorded on the response path");
        assertEquals(1010 + 1000 + 2, t.held(key), "two rows hold 2,010 characters");
        assertEquals(240 + 770, t.leases.charactersAhead(), "what no request took: the retired lease's and the new");

        t.settler.settle();
        assertEquals(3, t.commits.get() - commits, "one transaction settles both leases");
        assertEquals(1000, t.characters(key, Period.DAY));
        assertEquals(100, t.requests(key, Period.MONTH));
        assertEquals(770 + 1, t.held(key), "the first lease gave back its 240 and is gone; the second holds 770");
        assertEquals(770, t.leases.charactersAhead());

        t.clock.set(NOON.plus(Lease.IDLE));
        t.settler.settle();
        assertEquals(0, t.held(key), "idle for a second: everything given back");
        assertEquals(0, t.leases.charactersAhead());
        assertEquals(1000, t.characters(key, Period.DAY));
    }

    @Test
    void failedRequestsGiveTheirCharactersBackToTheLeaseAndDetectionCountsARequest() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        int commits = t.commits.get();
        Hold failed = t.quotas.reserve(key, 600);
        t.quotas.finish(failed, false);
        Hold served = t.quotas.reserve(key, 1000);
        t.quotas.finish(served, true);
        t.quotas.finish(t.quotas.reserve(key, 0), true);
        assertEquals(1, t.commits.get() - commits, "all three from the first lease of 600 + 1,000");
        t.clock.set(NOON.plus(Lease.IDLE));
        t.settler.settle();
        assertEquals(1000, t.characters(key, Period.DAY));
        assertEquals(2, t.requests(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void aLeaseServesThroughAnOutageAndALostCommitCountsNothingTwice() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        t.quotas.finish(t.quotas.reserve(key, 10), true);
        t.setDown(true);
        for (int i = 0; i < 5; i++) {
            t.quotas.finish(t.quotas.reserve(key, 10), true); // from the lease: no database needed
        }
        assertThrows(AccountsUnavailableException.class, t.settler::settle);
        t.quotas.finish(t.quotas.reserve(key, 10), true);
        t.setDown(false);
        t.loseNextCommit();
        assertThrows(AccountsUnavailableException.class, t.settler::settle);
        assertEquals(70, t.characters(key, Period.DAY), "both steps applied, though not acknowledged");
        t.settler.settle();
        assertEquals(70, t.characters(key, Period.DAY));
        assertEquals(7, t.requests(key, Period.DAY));
        t.clock.set(NOON.plus(Lease.IDLE));
        t.settler.settle();
        assertEquals(70, t.characters(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void eachDayHasItsOwnLeases() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        t.clock.set(Instant.parse("2026-12-03T23:59:59.900Z"));
        t.quotas.finish(t.quotas.reserve(key, 3), true);
        t.clock.set(Instant.parse("2026-12-04T00:00:00.100Z"));
        t.quotas.finish(t.quotas.reserve(key, 4), true);
        t.settler.settle();
        t.clock.set(Instant.parse("2026-12-04T00:00:01.100Z"));
        t.settler.settle();
        assertEquals(List.of(new DailyUsage(LocalDate.parse("2026-12-03"), 3, 1),
                new DailyUsage(LocalDate.parse("2026-12-04"), 4, 1)), t.ledger.days(key.id(),
                LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04")));
        assertEquals(0, t.held(key));
    }

    @Test
    void aBusyKeysLeaseIsReplacedAtHalfItsMaximumAgeAndAnOutageIsServedForAtMostThatAge() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        for (long ms = 0; ms <= Lease.MAX_AGE.toMillis(); ms += 250) {
            t.clock.set(NOON.plusMillis(ms));
            t.quotas.finish(t.quotas.reserve(key, 1), true);
            t.settler.settle();
        }
        assertEquals(1000 + 1, t.held(key), "replaced at 2.5 s and 5 s: one row of 1,000 left, nothing taken yet");
        assertEquals(21, t.characters(key, Period.DAY));

        t.setDown(true);
        for (long ms = 5250; ms < 10_000; ms += 250) {
            t.clock.set(NOON.plusMillis(ms));
            t.quotas.finish(t.quotas.reserve(key, 1), true); // its successor cannot be reserved: it serves on
            assertThrows(AccountsUnavailableException.class, t.settler::settle);
        }
        t.clock.set(NOON.plusMillis(10_000));
        assertThrows(AccountsUnavailableException.class, t.settler::settle); // retires it: 5 s old
        assertThrows(AccountsUnavailableException.class, () -> t.quotas.reserve(key, 1));
        t.setDown(false);
        t.settler.settle();
        assertEquals(21 + 19, t.characters(key, Period.DAY));
        assertEquals(0, t.held(key));
    }

    @Test
    void nearItsLimitsConcurrentRequestsGetExactlyWhatFitsWhileLeasesComeAndGo() throws Exception {
        TestLedger small = new TestLedger(NOON, 100);
        ApiKey key = small.key(new KeyLimits(null, null, 1000L, null));
        int served = small.fortyConcurrentRequestsOfAHundred(key, round -> { // leases retire as idle and old meanwhile
            small.clock.set(NOON.plusMillis(100L * round));
            small.settler.settle();
        });
        assertEquals(10, served, "no more than fits, and no request refused while its characters sat in a lease");
        small.clock.set(small.clock.instant().plus(Duration.ofSeconds(6)));
        small.settler.settle();
        assertEquals(1000, small.characters(key, Period.DAY));
        assertEquals(10, small.requests(key, Period.DAY));
        assertEquals(0, small.held(key));
    }

    @Test
    void shutdownGivesBackWhatLeasesHoldAndRecordsRequestsStillInFlightAsTheyEnd() throws Exception {
        ApiKey key = t.key(KeyLimits.UNLIMITED);
        t.quotas.finish(t.quotas.reserve(key, 5), true);
        Hold inFlight = t.quotas.reserve(key, 7);
        assertEquals(0, t.settler.shutdown(Duration.ZERO));
        assertEquals(5, t.characters(key, Period.DAY));
        assertEquals(7 + 1, t.held(key), "the request in flight keeps its characters and the lease its row");
        t.quotas.finish(inFlight, true);
        assertEquals(12, t.characters(key, Period.DAY));
        assertEquals(0, t.held(key));
        t.quotas.finish(t.quotas.reserve(key, 1), true); // a request admitted while stopping reserves its own
        assertEquals(13, t.characters(key, Period.DAY));
        assertEquals(0, t.held(key));
    }
}
