package dev.sema.guard;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when the test says so. */
public final class ManualClock implements LongSupplier {

    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
