package dev.sema.guard;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.batching.Cancellation;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.failure.OverloadedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard on a real pool of one inference thread: refusals, timeouts and what they do to the abandoned work.
 * Inferences that must outlast a timeout block on a latch, so no verdict depends on how fast anything runs.
 */
class InferenceGuardTest {

    /** Long enough never to fire in the tests that do not want it. */
    private static final Duration PATIENT = Duration.ofMinutes(5);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final InferencePool pool = new InferencePool(1, 1, Executors.defaultThreadFactory(),
            UnaryOperator.identity());
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.close();
        callers.shutdownNow();
    }

    @Test
    void runsTheInferenceAndPassesItsFailuresThrough() {
        InferenceGuard guard = guard(PATIENT);
        assertEquals("ok", guard.run(new Cancellation(), () -> "ok"));
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> guard.run(new Cancellation(), () -> { throw boom; })));
        ModelUnavailableException notLoaded = ModelUnavailableException.notLoaded("translation", "x");
        assertSame(notLoaded, assertThrows(ModelUnavailableException.class,
                () -> guard.run(new Cancellation(), () -> {
            throw notLoaded;
        })), "a domain failure from the engine passes through");
        assertEquals(0, guard.running());
        assertEquals(0, guard.queueDepth());
    }

    @Test
    void aFullPoolAndQueueIs503Overloaded() throws Exception {
        InferenceGuard guard = guard(PATIENT);
        Future<String> first = callers.submit(() -> guard.run(new Cancellation(), this::blockUntilReleased));
        awaitCondition("the first call to run", () -> guard.running() == 1);
        Future<String> second = callers.submit(() -> guard.run(new Cancellation(), () -> "second"));
        awaitCondition("the second call to queue", () -> guard.queueDepth() == 1);

        ApiException e = FailureMapper.toApi(assertThrows(OverloadedException.class,
                () -> guard.run(new Cancellation(), () -> "never")));
        assertEquals(503, e.status());
        assertEquals("overloaded", e.code());
        assertEquals("1", e.headers().get("Retry-After"));
        assertEquals(1, guard.queueDepth(), "a refused call does not stay counted as waiting");

        release.countDown();
        assertEquals("released", first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals("second", second.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aTimeoutIs503TimeoutAndCancelsTheRunningInference() throws Exception {
        InferenceGuard guard = guard(Duration.ofMillis(50));
        Cancellation cancellation = new Cancellation();
        CountDownLatch interrupted = new CountDownLatch(1);
        ApiException e = FailureMapper.toApi(assertThrows(InferenceTimeoutException.class,
                () -> guard.run(cancellation, () -> {
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS); // never released: only the timeout ends it
            } catch (InterruptedException stop) {
                interrupted.countDown();
            }
            return "late";
        })));
        assertEquals(503, e.status());
        assertEquals("timeout", e.code());
        assertEquals("1", e.headers().get("Retry-After"));
        assertEquals("timeout", cancellation.reason().orElseThrow(), "the engine learns why it should stop");
        assertTrue(interrupted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the inference thread was interrupted");
        awaitCondition("the inference thread to free", () -> guard.running() == 0);
        assertEquals(0, guard.queueDepth());
    }

    @Test
    void aCallTimingOutInTheQueueNeverStartsAndFreesItsPlace() throws Exception {
        InferenceGuard patient = guard(PATIENT);
        Future<String> first = callers.submit(() -> patient.run(new Cancellation(), this::blockUntilReleased));
        awaitCondition("the first call to run", () -> patient.running() == 1);

        InferenceGuard hasty = guard(Duration.ofMillis(50));
        AtomicBoolean ran = new AtomicBoolean();
        Cancellation cancellation = new Cancellation();
        assertEquals("timeout", FailureMapper.toApi(assertThrows(InferenceTimeoutException.class,
                () -> hasty.run(cancellation, () -> {
            ran.set(true);
            return "never";
        }))).code());
        assertEquals(0, hasty.queueDepth());
        Future<String> next = callers.submit(() -> patient.run(new Cancellation(), () -> "next"));
        awaitCondition("the next call to take the freed queue place", () -> patient.queueDepth() == 1);

        release.countDown();
        assertEquals("released", first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals("next", next.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertFalse(ran.get(), "the abandoned call never started");
        assertEquals("timeout", cancellation.reason().orElseThrow());
    }

    @Test
    void queueDepthCountsCallsWaitingForTheWorker() throws Exception {
        InferenceGuard guard = guard(PATIENT);
        Future<String> first = callers.submit(() -> guard.run(new Cancellation(), this::blockUntilReleased));
        awaitCondition("the first call to run alone", () -> guard.running() == 1 && guard.queueDepth() == 0);
        Future<String> second = callers.submit(() -> guard.run(new Cancellation(), () -> "second"));
        awaitCondition("the second call to queue", () -> guard.queueDepth() == 1);
        assertEquals(1, guard.running());

        release.countDown();
        assertEquals("released", first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals("second", second.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, guard.queueDepth());
        awaitCondition("the worker to finish", () -> guard.running() == 0);
    }

    @Test
    void aWaiterThatCancelsAbandonsTheInferenceAndFreesTheSlot() throws Exception {
        InferenceGuard guard = guard(PATIENT);
        Cancellation cancellation = new Cancellation();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch waited = new CountDownLatch(3);
        CountDownLatch running = new CountDownLatch(1);
        assertThrows(java.util.concurrent.CancellationException.class, () -> guard.run(cancellation, () -> {
            running.countDown();
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return "never read";
        }, (task, nanos) -> {
            if (running.getCount() == 0) {
                waited.countDown(); // the waiting thread is lent to the waiter again and again while the task runs
            }
            if (waited.getCount() == 0) {
                cancellation.cancel("client_gone");
            }
        }));
        assertEquals("client_gone", cancellation.reason().orElseThrow());
        awaitCondition("the abandoned inference to stop", () -> guard.running() == 0);
        assertTrue(interrupted.get(), "the inference thread was interrupted");
        assertEquals("free", guard.run(new Cancellation(), () -> "free"), "the slot is free again");
    }

    @Test
    void aWaiterSeesTheTaskToItsEndAndTheResultComesBack() {
        InferenceGuard guard = guard(PATIENT);
        assertEquals("done", guard.run(new Cancellation(), () -> "done", (task, nanos) -> Thread.onSpinWait()));
    }

    private String blockUntilReleased() {
        try {
            release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + DEADLINE.toSeconds() + " s for " + what);
            Thread.sleep(5);
        }
    }

    /** A guard over {@link #pool} whose calls may take {@code timeout}; the rate limits do not concern it. */
    private InferenceGuard guard(Duration timeout) {
        return new InferenceGuard(pool, new GuardConfig(0, 0, 0, "", 1, 1, timeout));
    }
}
