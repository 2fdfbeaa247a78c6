package dev.sema.guard;

/**
 * The outcome of charging a client: allowed or not, and the state of the window that binds first (what the
 * IETF RateLimit headers report).
 *
 * @param limit             capacity of the binding window (requests)
 * @param remaining         requests left before any window rejects
 * @param resetSeconds      seconds until the binding window refills
 * @param retryAfterSeconds when rejected: seconds until this request could pass; -1 if it never can
 *                          (a batch larger than a whole window)
 * @param window            human name of the binding window ("minute", "hour")
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds, String window) {
}
