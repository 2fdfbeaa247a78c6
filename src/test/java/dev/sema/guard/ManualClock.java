package dev.sema.guard;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/** A clock that moves only when the test says so. */
public final class ManualClock implements TimeMeter {

    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
