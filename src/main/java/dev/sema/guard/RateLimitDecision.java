package dev.sema.guard;

import dev.sema.api.error.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of charging a client: allowed or not, and what the IETF RateLimit headers should say about the
 * window that binds first.
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

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed && retryAfterSeconds >= 0) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }

    /** The 429 the client sees; only meaningful when {@link #allowed()} is false. */
    public ApiException toException(long requested) {
        String detail = retryAfterSeconds < 0
                ? "This request needs " + requested + " requests of quota but the limit is " + limit + " per "
                  + window + "; split it into smaller batches."
                : "Rate limit exceeded: " + limit + " per " + window + ". Retry after " + retryAfterSeconds + " s.";
        return new ApiException(429, "rate_limited", detail, List.of(), Map.of(), headers());
    }
}
