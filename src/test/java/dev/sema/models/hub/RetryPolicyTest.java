package dev.sema.models.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void delayDoublesWithJitterAndIsCapped() {
        long[] full = {100, 200, 400, 800, 1000, 1000};
        for (int retry = 1; retry <= full.length; retry++) {
            for (int sample = 0; sample < 200; sample++) {
                long delay = policy.delayBefore(retry, Optional.empty()).toMillis();
                long max = full[retry - 1];
                assertTrue(delay >= max / 2 && delay <= max, "retry " + retry + ": " + delay + " ms");
            }
        }
    }

    @Test
    void retryAfterIsObeyedUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(7), policy.delayBefore(1, Optional.of(Duration.ofSeconds(7))));
        assertEquals(Duration.ofMinutes(5), policy.delayBefore(1, Optional.of(Duration.ofHours(2))));
    }

    @Test
    void nonsensicalLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
