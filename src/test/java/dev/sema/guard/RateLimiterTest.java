package dev.sema.guard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void sixtyFiveRequestsInAMinuteLetExactlySixtyThrough() {
        RateLimiter limiter = new RateLimiter(60, 1000, 100_000, clock);
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
        RateLimiter limiter = new RateLimiter(60, 1000, 100_000, clock);
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
        RateLimiter limiter = new RateLimiter(60, 100, 100_000, clock);
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
        RateLimiter limiter = new RateLimiter(60, 1000, 100_000, clock);
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
        RateLimiter limiter = new RateLimiter(60, 1000, 100_000, clock);
        assertTrue(limiter.consume("c", 50).allowed());
        RateLimitDecision tooBig = limiter.consume("c", 20);
        assertFalse(tooBig.allowed());
        assertEquals(10, tooBig.remaining(), "a refused batch takes nothing");
        assertTrue(limiter.consume("c", 10).allowed());
    }

    @Test
    void zeroDisablesAWindowAndBothZeroDisablesTheLimiter() {
        RateLimiter hourOnly = new RateLimiter(0, 2, 100_000, clock);
        assertTrue(hourOnly.consume("c", 1).allowed());
        assertEquals("hour", hourOnly.consume("c", 1).window());
        assertFalse(hourOnly.consume("c", 1).allowed());
        RateLimiter off = new RateLimiter(0, 0, 100_000, clock);
        assertFalse(off.enabled());
        assertThrows(IllegalStateException.class, () -> off.consume("c", 1));
    }

    @Test
    void storeStaysBoundedUnderOneHundredThousandClients() {
        RateLimiter limiter = new RateLimiter(60, 1000, 10_000, clock);
        for (int i = 0; i < 100_000; i++) {
            limiter.consume("ip:10." + (i >> 16) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF), 1);
        }
        long tracked = limiter.trackedClients();
        assertTrue(tracked <= 10_000, "tracked " + tracked + " clients with a bound of 10000");
    }

    @Test
    void idleClientsExpireAfterTheLongestWindow() {
        RateLimiter limiter = new RateLimiter(60, 1000, 100_000, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.consume("c" + i, 1);
        }
        assertEquals(1000, limiter.trackedClients());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(0, limiter.trackedClients());
    }
}
