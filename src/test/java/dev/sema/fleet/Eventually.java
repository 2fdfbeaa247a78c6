package dev.sema.fleet;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for what happens in the background (a connection, a message), with a deadline that no machine needs. */
public final class Eventually {

    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within " + DEADLINE);
            }
            Thread.sleep(20);
        }
    }
}
