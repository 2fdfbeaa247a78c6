package dev.sema.models.hub;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and jitter for transient Hub failures (I/O errors, 5xx, 429).
 *
 * @param maxAttempts  total attempts per operation, first one included (at least 1)
 * @param initialDelay wait before the first retry; doubles on each further retry
 * @param maxDelay     cap of the exponential wait (a server's {@code Retry-After} may ask for longer)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** Longest {@code Retry-After} we obey, so a misbehaving proxy cannot park startup for hours. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /**
     * How long to wait before retry number {@code retry} (1 = first retry). "Equal jitter": half the
     * exponential delay is fixed, the other half random, so concurrent clients spread out yet still back off.
     */
    public Duration delayBefore(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        long base = initialDelay.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
