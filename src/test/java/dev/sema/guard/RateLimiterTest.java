package dev.sema.guard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void sixtyFiveRequestsInAMinuteLetExactlySixtyThrough() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            decisions.add(limiter.consume("ip:192.0.2.1", 1));
            clock.advance(Duration.ofMillis(100)); // 6.5 s in all, well inside the minute
        }
        assertEquals(60, decisions.stream().filter(RateLimitDecision::allowed).count());
        for (int i = 0; i < 60; i++) {
            RateLimitDecision d = decisions.get(i);
            assertTrue(d.allowed(), "request " + i);
            assertEquals(60, d.limit());
            assertEquals(59 - i, d.remaining(), "remaining after request " + i);
            assertEquals(60 - (i / 10), d.resetSeconds(), "reset after request " + i);
        }
        for (int i = 60; i < 65; i++) {
            RateLimitDecision d = decisions.get(i);
            assertFalse(d.allowed(), "request " + i);
            assertEquals(0, d.remaining());
            assertEquals("minute", d.window());
            // request i is sent at i*0.1 s; the minute window refills at 60 s
            long expectedWait = (long) Math.ceil(60 - i * 0.1);
            assertEquals(expectedWait, d.retryAfterSeconds(), "Retry-After of request " + i);
            assertEquals(expectedWait, d.resetSeconds(), "Reset of request " + i);
        }
    }

    @Test
    void quotaComesBackWhenTheMinuteEnds() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.consume("c", 1).allowed());
        }
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.consume("c", 1).allowed());
        clock.advance(Duration.ofSeconds(1));
        RateLimitDecision next = limiter.consume("c", 1);
        assertTrue(next.allowed());
        assertEquals(59, next.remaining());
        assertEquals(60, next.resetSeconds());
    }

    @Test
    void hourLimitBindsOnceMinutesAddUp() {
        RateLimiter limiter = RateLimiters.alone(60, 100, 100_000, clock);
        int allowed = 0;
        RateLimitDecision last = null;
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 60; i++) {
                last = limiter.consume("c", 1);
                if (last.allowed()) {
                    allowed++;
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(100, allowed, "60 in minute one, 40 in minute two, none in minute three");
        assertFalse(last.allowed());
        assertEquals("hour", last.window());
        assertEquals(100, last.limit());
        // three minutes have passed since the first request: the hour window refills in 57 minutes
        RateLimitDecision probe = limiter.consume("c", 1);
        assertFalse(probe.allowed());
        assertEquals(57 * 60, probe.retryAfterSeconds());
        assertEquals(57 * 60, probe.resetSeconds());
    }

    @Test
    void clientsHaveIndependentBudgets() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        for (int i = 0; i < 60; i++) {
            limiter.consume("ip:192.0.2.1", 1);
        }
        assertFalse(limiter.consume("ip:192.0.2.1", 1).allowed());
        RateLimitDecision other = limiter.consume("ip:192.0.2.2", 1);
        assertTrue(other.allowed());
        assertEquals(59, other.remaining());
    }

    @Test
    void aBatchCostsOneTokenPerTextAllOrNothing() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        assertTrue(limiter.consume("c", 50).allowed());
        RateLimitDecision tooBig = limiter.consume("c", 20);
        assertFalse(tooBig.allowed());
        assertEquals(10, tooBig.remaining(), "a refused batch takes nothing");
        assertTrue(limiter.consume("c", 10).allowed());
    }

    @Test
    void zeroDisablesAWindowAndBothZeroDisablesTheLimiter() {
        RateLimiter hourOnly = RateLimiters.alone(0, 2, 100_000, clock);
        assertTrue(hourOnly.consume("c", 1).allowed());
        assertEquals("hour", hourOnly.consume("c", 1).window());
        assertFalse(hourOnly.consume("c", 1).allowed());
        RateLimiter off = RateLimiters.alone(0, 0, 100_000, clock);
        assertFalse(off.enabled());
        assertThrows(IllegalStateException.class, () -> off.consume("c", 1));
    }

    /** Fixed windows anchored at 0:00 would refill at 1:00 and admit 60 more at 1:01: 119 within a minute. */
    @Test
    void aWindowBoundaryAdmitsNoSecondBurst() {
        RateLimiter limiter = RateLimiters.alone(60, 0, 100_000, clock);
        assertTrue(limiter.consume("c", 1).allowed(), "0:00");
        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 59; i++) {
            assertTrue(limiter.consume("c", 1).allowed(), "0:59 #" + i);
        }
        assertFalse(limiter.consume("c", 1).allowed(), "0:59, the 61st");
        clock.advance(Duration.ofSeconds(2));
        RateLimitDecision one = limiter.consume("c", 1);
        assertTrue(one.allowed(), "1:01: the admission of 0:00 has left the window");
        assertEquals(0, one.remaining());
        assertEquals(58, one.resetSeconds(), "the 59 of 0:59 leave at 1:59");

        RateLimitDecision refused = limiter.consume("c", 1);
        assertFalse(refused.allowed(), "1:01, one more");
        assertEquals(58, refused.retryAfterSeconds());
        assertEquals(58, refused.resetSeconds());
        clock.advance(Duration.ofMillis(57_999));
        assertFalse(limiter.consume("c", 1).allowed(), "1:58.999");
        clock.advance(Duration.ofMillis(1));
        RateLimitDecision back = limiter.consume("c", 1);
        assertTrue(back.allowed(), "1:59");
        assertEquals(58, back.remaining(), "59 freed at 1:59, one taken: 1:01's and this one are in the window");
        assertEquals(2, back.resetSeconds(), "1:01's admission leaves at 2:01");
    }

    /**
     * A seeded random client over ten minutes: in every minute (wherever it starts) at most 60 pass, and every
     * refusal came when the minute before it already held 60: the windows are neither looser nor stricter than
     * their definition.
     */
    @Test
    void noSpanOfAMinuteEverHoldsMoreThanTheLimitAndNoRefusalIsEarly() {
        RateLimiter limiter = RateLimiters.alone(60, 0, 100_000, clock);
        Random random = new Random(13);
        List<Long> admitted = new ArrayList<>();
        long now = 0;
        int refusals = 0;
        while (now < 600_000) {
            int tokens = 1 + random.nextInt(random.nextInt(10) == 0 ? 20 : 2);
            RateLimitDecision d = limiter.consume("c", tokens);
            long start = now;
            long inWindow = admitted.stream().filter(t -> t > start - 60_000).count();
            assertEquals(inWindow + tokens <= 60, d.allowed(), "at " + now + " ms with " + inWindow + " in the window");
            assertEquals(Math.max(0, 60 - inWindow - (d.allowed() ? tokens : 0)), d.remaining(), "at " + now);
            if (d.allowed()) {
                for (int i = 0; i < tokens; i++) {
                    admitted.add(now);
                }
            } else {
                refusals++;
            }
            long step = random.nextInt(2_000);
            clock.advance(Duration.ofMillis(step));
            now += step;
        }
        assertTrue(refusals > 100, "the client was refused often enough to test the edge: " + refusals);
        for (long t : admitted) {
            long inSpan = admitted.stream().filter(u -> u >= t && u < t + 60_000).count();
            assertTrue(inSpan <= 60, inSpan + " admissions in the minute from " + t + " ms");
        }
    }

    @Test
    void aRefusedBatchWaitsUntilEnoughAdmissionsHaveLeft() {
        RateLimiter limiter = RateLimiters.alone(60, 0, 100_000, clock);
        assertTrue(limiter.consume("c", 50).allowed());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(limiter.consume("c", 10).allowed());
        clock.advance(Duration.ofSeconds(10));
        RateLimitDecision twenty = limiter.consume("c", 20);
        assertFalse(twenty.allowed());
        assertEquals(0, twenty.remaining());
        assertEquals(40, twenty.retryAfterSeconds(), "the 50 of 0:00 leave at 1:00, freeing room for 20");
        RateLimitDecision fiftyFive = limiter.consume("c", 55);
        assertEquals(50, fiftyFive.retryAfterSeconds(), "55 need 5 of 0:10's admissions gone as well: at 1:10");
        assertEquals(40, fiftyFive.resetSeconds(), "yet the first slot frees at 1:00");
        RateLimitDecision never = limiter.consume("c", 61);
        assertEquals(-1, never.retryAfterSeconds(), "61 never fit a window of 60");
        clock.advance(Duration.ofSeconds(40));
        RateLimitDecision later = limiter.consume("c", 20);
        assertTrue(later.allowed(), "1:00");
        assertEquals(30, later.remaining(), "0:10's 10 and these 20 are in the window");
        assertEquals(10, later.resetSeconds());
    }

    /** When both windows refuse, the headers and Retry-After name the one that frees room last. */
    @Test
    void theWindowThatFreesRoomLastBindsARefusal() {
        RateLimiter limiter = RateLimiters.alone(10, 20, 100_000, clock);
        assertTrue(limiter.consume("c", 10).allowed());
        clock.advance(Duration.ofMinutes(1));
        RateLimitDecision allowed = limiter.consume("c", 10);
        assertTrue(allowed.allowed());
        assertEquals(0, allowed.remaining());
        assertEquals("minute", allowed.window(), "both windows have 0 left: the shorter binds the tie");
        assertEquals(60, allowed.resetSeconds());
        clock.advance(Duration.ofSeconds(1));
        RateLimitDecision refused = limiter.consume("c", 1);
        assertFalse(refused.allowed());
        assertEquals("hour", refused.window(), "the minute frees room at 2:00, the hour at 60:00");
        assertEquals(20, refused.limit());
        assertEquals(0, refused.remaining());
        assertEquals(59 * 60 - 1, refused.retryAfterSeconds(), "now is 1:01");
        assertEquals(59 * 60 - 1, refused.resetSeconds());
    }

    /** A key's limits change (PATCH) while it is in use: its admissions stay, only the limits compared change. */
    @Test
    void changedLimitsJudgeTheSameAdmissions() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        RateLimits before = new RateLimits(60, 0);
        assertTrue(limiter.consume("key:k1", before, 30).allowed());
        clock.advance(Duration.ofSeconds(20));
        RateLimitDecision lowered = limiter.consume("key:k1", new RateLimits(20, 0), 1);
        assertFalse(lowered.allowed(), "30 in the last minute are over the new 20");
        assertEquals(20, lowered.limit());
        assertEquals(0, lowered.remaining());
        assertEquals(40, lowered.retryAfterSeconds());
        RateLimitDecision raised = limiter.consume("key:k1", new RateLimits(100, 0), 1);
        assertTrue(raised.allowed());
        assertEquals(69, raised.remaining(), "30 + this one of 100");
        RateLimitDecision hourly = limiter.consume("key:k1", new RateLimits(0, 40), 10);
        assertFalse(hourly.allowed(), "an hour limit added later counts the admissions it finds");
        assertEquals(9, hourly.remaining());
    }

    /** Offsets are ints of milliseconds: a client busy for 30 days (past 2^31 ms from its first request) stays exact. */
    @Test
    void aClientBusyForWeeksStaysExact() {
        RateLimiter limiter = RateLimiters.alone(60, 0, 100_000, clock);
        for (long second = 0; second < 30L * 24 * 3600; second += 10) {
            for (int i = 0; i < 10; i++) {
                assertTrue(limiter.consume("c", 1).allowed(), "second " + second);
            }
            if (second >= 50) { // from then on the window holds the five groups before and this one
                RateLimitDecision full = limiter.consume("c", 1);
                assertFalse(full.allowed(), "second " + second);
                assertEquals(10, full.retryAfterSeconds(), "second " + second);
            }
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void storeStaysBoundedUnderOneHundredThousandClients() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 10_000, clock);
        for (int i = 0; i < 100_000; i++) {
            limiter.consume("ip:10." + (i >> 16) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF), 1);
        }
        long tracked = limiter.trackedClients();
        assertTrue(tracked <= 10_000, "tracked " + tracked + " clients with a bound of 10000");
    }

    @Test
    void idleClientsExpireAfterTheLongestWindow() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.consume("c" + i, 1);
        }
        assertEquals(1000, limiter.trackedClients());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(0, limiter.trackedClients());
    }
}
