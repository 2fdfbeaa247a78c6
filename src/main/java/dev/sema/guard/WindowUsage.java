package dev.sema.guard;

/**
 * What a client's admission log says about one window when a request arrives, before the request is counted. The
 * in-memory and the Redis windows both report this, and {@link RateLimitDecision#of} turns it into the answer, so
 * both give the same headers for the same history.
 *
 * @param window  the window and its limit
 * @param used    admissions inside the window (younger than its length)
 * @param oldest  time (ms) of the oldest of them; -1 when there are none
 * @param freeing when the request does not fit now but would fit an empty window: time (ms) of the admission whose
 *                ageing out makes room for it (the {@code used + tokens - limit}-th oldest); -1 otherwise
 */
record WindowUsage(RateWindow window, long used, long oldest, long freeing) {

    /** Whether {@code tokens} more admissions fit the window now. */
    boolean fits(long tokens) {
        return used + tokens <= window.limit();
    }

    /** Whether {@code tokens} admissions could ever fit the window (a batch larger than the limit cannot). */
    boolean canEverFit(long tokens) {
        return tokens <= window.limit();
    }

    /**
     * Index, among a window's admissions oldest first, of the one whose ageing out makes room for {@code tokens};
     * negative when they fit already.
     */
    static long freeingIndex(long used, long tokens, long limit) {
        return used + tokens - limit - 1;
    }

    /** Milliseconds from {@code now} until the admission made at {@code time} leaves the window. */
    long untilOut(long time, long now) {
        return time + window.millis() - now;
    }
}
