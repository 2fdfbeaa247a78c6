package dev.sema.guard;

import java.util.List;

/**
 * The outcome of charging a client: allowed or not, and the state of the window that binds first (what the
 * IETF RateLimit headers report).
 *
 * @param limit             capacity of the binding window (requests)
 * @param remaining         requests that could still pass now, in every window
 * @param resetSeconds      seconds until the binding window frees a slot (its oldest admission ages out); 0 when it
 *                          holds none
 * @param retryAfterSeconds when rejected: seconds until enough admissions have aged out for this request to pass;
 *                          -1 if it never can (a batch larger than a whole window)
 * @param window            human name of the binding window ("minute", "hour")
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds, String window) {

    /**
     * Judges a request of {@code tokens} admissions against what each window held before it, all or nothing: it
     * passes only if it fits every window.
     *
     * <p>The binding window is, for a refusal, one the request can never fit, else the refusing window that frees
     * room last; for an admission, the window with the fewest requests left. Ties go to the earlier (shorter)
     * window, whose reset comes first.
     *
     * @param now   the time (ms, the clock of the log's timestamps) the request arrived
     * @param usage each window's usage, shortest window first
     */
    static RateLimitDecision of(long now, long tokens, List<WindowUsage> usage) {
        boolean allowed = usage.stream().allMatch(u -> u.fits(tokens));
        boolean never = usage.stream().anyMatch(u -> !u.canEverFit(tokens));
        long remaining = Long.MAX_VALUE;
        long retryAfterMillis = 0;
        WindowUsage binding = null;
        long bindingRank = Long.MIN_VALUE;
        for (WindowUsage u : usage) {
            long left = Math.max(0, u.window().limit() - u.used() - (allowed ? tokens : 0));
            remaining = Math.min(remaining, left);
            long rank;
            if (allowed) {
                rank = -left;
            } else if (!u.canEverFit(tokens)) {
                rank = Long.MAX_VALUE;
            } else if (!u.fits(tokens)) {
                long wait = u.untilOut(u.freeing(), now);
                retryAfterMillis = Math.max(retryAfterMillis, wait);
                rank = wait;
            } else {
                rank = Long.MIN_VALUE + 1; // fits: binds only if nothing else does, which cannot happen when refused
            }
            if (rank > bindingRank) {
                binding = u;
                bindingRank = rank;
            }
        }
        // after an admission into an empty window, the request itself is that window's oldest admission
        long oldest = binding.used() > 0 ? binding.oldest() : allowed ? now : -1;
        long reset = oldest < 0 ? 0 : ceilSeconds(binding.untilOut(oldest, now));
        long retryAfter = allowed || never ? -1 : ceilSeconds(retryAfterMillis);
        return new RateLimitDecision(allowed, binding.window().limit(), remaining, reset, retryAfter,
                binding.window().name());
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, Math.floorDiv(millis + 999, 1000));
    }
}
