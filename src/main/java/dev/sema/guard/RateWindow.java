package dev.sema.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * One moving window of a client's limits: at most {@code limit} admissions in any span of {@code millis}
 * milliseconds, wherever that span starts (not a calendar minute or hour, so no boundary admits twice the limit).
 *
 * @param name   what the 429's detail and the {@code rate_limited} event call it ("minute", "hour")
 * @param limit  admissions allowed within the window
 * @param millis the window's length
 */
record RateWindow(String name, long limit, long millis) {

    static final long MINUTE_MILLIS = 60_000;
    static final long HOUR_MILLIS = 3_600_000;

    /** The windows {@code limits} switch on, shortest first (on a tie its reset comes first, so it binds). */
    static List<RateWindow> of(RateLimits limits) {
        List<RateWindow> windows = new ArrayList<>(2);
        if (limits.perMinute() > 0) {
            windows.add(new RateWindow("minute", limits.perMinute(), MINUTE_MILLIS));
        }
        if (limits.perHour() > 0) {
            windows.add(new RateWindow("hour", limits.perHour(), HOUR_MILLIS));
        }
        return windows;
    }

    /**
     * The most admissions a client's log needs for {@code windows}: the largest limit. A shorter window's admissions
     * are the newest of the longer one's, so one log serves both.
     */
    static long capacity(List<RateWindow> windows) {
        return windows.stream().mapToLong(RateWindow::limit).max().orElse(0);
    }

    /** How long an admission matters to any of {@code windows}: older ones can be forgotten. */
    static long longest(List<RateWindow> windows) {
        return windows.stream().mapToLong(RateWindow::millis).max().orElse(0);
    }
}
