package dev.sema.guard;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.failure.OverloadedException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard's side of the Fault Tolerance contract, without a container: the bulkhead stand-ins below behave as
 * FT's interceptors do (run on a worker, fail the stage or throw with BulkheadException / TimeoutException).
 * That the FT annotations and config keys take effect is the server's business, checked over HTTP.
 */
class InferenceGuardTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        worker.shutdownNow();
        callers.shutdownNow();
    }

    @Test
    void runsTheInferenceAndPassesItsFailuresThrough() {
        InferenceGuard guard = new InferenceGuard(new InferenceBulkhead());
        assertEquals("ok", guard.run(() -> "ok"));
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> guard.run(() -> { throw boom; })));
        ModelUnavailableException notLoaded = ModelUnavailableException.notLoaded("translation", "x");
        InferenceGuard async = new InferenceGuard(onWorker());
        assertSame(notLoaded, assertThrows(ModelUnavailableException.class,
                () -> async.run(() -> { throw notLoaded; })), "a domain failure from the engine passes through");
        assertEquals(0, guard.running());
        assertEquals(0, guard.queueDepth());
    }

    @Test
    void aFullBulkheadIs503OverloadedWhetherThrownOrReportedThroughTheStage() {
        for (InferenceBulkhead refusing : new InferenceBulkhead[]{
                failing(new BulkheadException("full")), throwing(new BulkheadException("full"))}) {
            InferenceGuard guard = new InferenceGuard(refusing);
            ApiException e = FailureMapper.toApi(assertThrows(OverloadedException.class,
                    () -> guard.run(() -> "never")));
            assertEquals(503, e.status());
            assertEquals("overloaded", e.code());
            assertEquals("1", e.headers().get("Retry-After"));
            assertEquals(0, guard.queueDepth(), "a refused call does not stay counted as waiting");
        }
    }

    @Test
    void anFtTimeoutIs503Timeout() {
        InferenceGuard guard = new InferenceGuard(failing(new TimeoutException("late")));
        ApiException e = FailureMapper.toApi(assertThrows(InferenceTimeoutException.class,
                () -> guard.run(() -> "never")));
        assertEquals(503, e.status());
        assertEquals("timeout", e.code());
        assertEquals("1", e.headers().get("Retry-After"));
        assertEquals(0, guard.queueDepth());
    }

    @Test
    void queueDepthCountsCallsWaitingForTheWorker() throws Exception {
        InferenceGuard guard = new InferenceGuard(onWorker());
        Future<String> first = callers.submit(() -> guard.run(this::blockUntilReleased));
        awaitCondition(() -> guard.running() == 1 && guard.queueDepth() == 0);
        Future<String> second = callers.submit(() -> guard.run(() -> "second"));
        awaitCondition(() -> guard.queueDepth() == 1);
        assertEquals(1, guard.running());

        release.countDown();
        assertEquals("released", first.get(5, TimeUnit.SECONDS));
        assertEquals("second", second.get(5, TimeUnit.SECONDS));
        assertEquals(0, guard.queueDepth());
        assertEquals(0, guard.running());
    }

    /** One worker thread: what FT's asynchronous bulkhead of size 1 with a queue does. */
    private InferenceBulkhead onWorker() {
        return new InferenceBulkhead() {
            @Override
            public <T> CompletionStage<T> run(Supplier<T> inference) {
                return CompletableFuture.supplyAsync(inference, worker);
            }
        };
    }

    private static InferenceBulkhead failing(RuntimeException failure) {
        return new InferenceBulkhead() {
            @Override
            public <T> CompletionStage<T> run(Supplier<T> inference) {
                return CompletableFuture.failedFuture(failure);
            }
        };
    }

    private static InferenceBulkhead throwing(RuntimeException failure) {
        return new InferenceBulkhead() {
            @Override
            public <T> CompletionStage<T> run(Supplier<T> inference) {
                throw failure;
            }
        };
    }

    private String blockUntilReleased() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 5 s");
            Thread.sleep(5);
        }
    }
}
