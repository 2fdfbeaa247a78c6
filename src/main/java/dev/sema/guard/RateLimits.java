package dev.sema.guard;

/**
 * Requests a client may make per minute and per hour; 0 switches a window off. Anonymous clients share the
 * configured defaults; an API key brings its own.
 */
public record RateLimits(long perMinute, long perHour) {

    public RateLimits {
        if (perMinute < 0 || perHour < 0) {
            throw new IllegalArgumentException("rate limits cannot be negative: " + perMinute + "/" + perHour);
        }
    }

    /** Whether any window applies. */
    public boolean limited() {
        return perMinute > 0 || perHour > 0;
    }
}
