package dev.sema.lifecycle;

import org.junit.jupiter.api.Test;
import sun.misc.Signal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler's logic, called directly as the JVM would call it (on a thread of its own per signal): no signal is
 * raised, so the test JVM's own SIGTERM handling is untouched. Each wait has a deadline; no verdict depends on
 * how fast the machine is.
 */
class DrainingTermHandlerTest {

    private static final Signal TERM = new Signal("TERM");
    /** Longer than any test may take: reaching the JVM's handler then proves the drain was cut short. */
    private static final Duration FOREVER = Duration.ofHours(1);

    private final Drain drain = new Drain();
    /** What the JVM's handler saw: the signal and whether readiness was already DOWN then. */
    private final List<String> jvmCalls = new CopyOnWriteArrayList<>();

    private DrainingTermHandler handler(Duration period) {
        return new DrainingTermHandler(drain, period,
                signal -> jvmCalls.add(signal.getName() + (drain.draining() ? " while draining" : " while ready")));
    }

    @Test
    void theSignalReachesTheJvmOnlyAfterTheDrainPeriod() {
        Duration period = Duration.ofMillis(300);
        long start = System.nanoTime();

        handler(period).handle(TERM);

        assertTrue(System.nanoTime() - start >= period.toNanos(), "the JVM's handler ran before the drain was over");
        assertEquals(List.of("TERM while draining"), jvmCalls);
    }

    @Test
    void readinessIsDownFromTheFirstSignalOn() throws Exception {
        DrainingTermHandler handler = handler(FOREVER);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> handler.handle(TERM));

        awaitDraining();
        assertFalse(first.isDone(), "the first signal's thread waits for the drain");
        assertTrue(jvmCalls.isEmpty(), "the JVM's handler ran during the drain: " + jvmCalls);
        drain.cutShort();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondSignalEndsTheDrainAndTheJvmHandlerRunsOnce() throws Exception {
        DrainingTermHandler handler = handler(FOREVER);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> handler.handle(TERM));
        awaitDraining();

        CompletableFuture.runAsync(() -> handler.handle(TERM)).get(10, TimeUnit.SECONDS);

        first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("TERM while draining"), jvmCalls, "one exit, after the drain began");
    }

    @Test
    void aDrainCutShortBeforeItsWaitDoesNotWait() {
        drain.cutShort(); // the application stopped first: nothing left to drain for
        assertTrue(drain.begin());
        assertFalse(drain.await(FOREVER), "the wait reports it was cut short");
        assertFalse(drain.begin(), "a drain begins once");
    }

    @Test
    void aNegativeDrainIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ShutdownConfig(Duration.ofSeconds(-1)));
    }

    private void awaitDraining() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!drain.draining()) {
            assertTrue(System.nanoTime() < deadline, "the first signal did not begin the drain within 10 s");
            Thread.sleep(10);
        }
    }
}
