package dev.sema.models;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.ModelUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSlotTest {

    /** A model that records whether it was closed, and fails loudly if used after close. */
    static final class FakeModel implements AutoCloseable {
        final String id;
        final AtomicBoolean closed = new AtomicBoolean();

        FakeModel(String id) {
            this.id = id;
        }

        String use() {
            if (closed.get()) {
                throw new IllegalStateException("used after close: " + id);
            }
            return id;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                throw new IllegalStateException("closed twice: " + id);
            }
        }
    }

    @Test
    void emptySlotAnswers503WithTheLifecycleState() {
        ModelSlot<FakeModel> slot = new ModelSlot<>("translation");
        ApiException notLoaded = FailureMapper.toApi(assertThrows(ModelUnavailableException.class, slot::acquire));
        assertEquals(503, notLoaded.status());
        assertEquals("model_not_loaded", notLoaded.code());
        assertEquals("30", notLoaded.headers().get("Retry-After"));

        slot.loading("downloading 10%");
        ApiException loading = FailureMapper.toApi(assertThrows(ModelUnavailableException.class, slot::acquire));
        assertEquals("model_loading", loading.code());
        assertEquals(ModelStatus.State.LOADING, slot.status().state());

        slot.failed("file missing: /x/model.bin");
        ApiException failed = FailureMapper.toApi(assertThrows(ModelUnavailableException.class, slot::acquire));
        assertEquals("model_not_loaded", failed.code());
        assertTrue(failed.detail().contains("/x/model.bin"), failed.detail());
    }

    @Test
    void replacedModelClosesOnlyAfterItsLastLease() {
        ModelSlot<FakeModel> slot = new ModelSlot<>("translation");
        FakeModel first = new FakeModel("a");
        slot.install(first, Map.of("revision", "r1"), Duration.ofMillis(1500));
        assertEquals(1.5, slot.status().info().get("load_time_seconds"));

        ModelSlot.Lease<FakeModel> inFlight = slot.acquire();
        slot.install(new FakeModel("b"), Map.of("revision", "r2"), Duration.ZERO);
        assertFalse(first.closed.get(), "closed under a running request");
        assertEquals("a", inFlight.model().use());
        assertEquals(2, slot.liveModels());

        inFlight.close();
        inFlight.close(); // idempotent
        assertTrue(first.closed.get());
        assertEquals(1, slot.liveModels());
        try (ModelSlot.Lease<FakeModel> lease = slot.acquire()) {
            assertEquals("b", lease.model().use());
            assertEquals("r2", lease.info().get("revision"));
        }
    }

    @Test
    void failedReloadKeepsServingAndReportsWhy() {
        ModelSlot<FakeModel> slot = new ModelSlot<>("language_identification");
        slot.install(new FakeModel("a"), Map.of(), Duration.ZERO);
        slot.loading("revision abc");
        assertEquals(ModelStatus.State.READY, slot.status().state());
        slot.failed("sha256 mismatch");
        assertEquals(ModelStatus.State.READY, slot.status().state());
        assertTrue(slot.status().detail().contains("sha256 mismatch"));
        try (ModelSlot.Lease<FakeModel> lease = slot.acquire()) {
            assertEquals("a", lease.model().use());
        }
    }

    @Test
    void concurrentRequestsThroughManySwapsNeverSeeAClosedModel() throws Exception {
        ModelSlot<FakeModel> slot = new ModelSlot<>("translation");
        slot.install(new FakeModel("m0"), Map.of(), Duration.ZERO);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            clients.add(pool.submit(() -> {
                while (!stop.get()) {
                    try (ModelSlot.Lease<FakeModel> lease = slot.acquire()) {
                        lease.model().use();
                        served.incrementAndGet();
                    }
                }
            }));
        }
        for (int i = 1; i <= 500; i++) {
            slot.install(new FakeModel("m" + i), Map.of(), Duration.ZERO);
        }
        stop.set(true);
        for (Future<?> client : clients) {
            client.get(10, TimeUnit.SECONDS); // rethrows any use-after-close
        }
        pool.shutdown();
        assertTrue(served.get() > 0);
        assertEquals(1, slot.liveModels(), "retired models leaked");
        slot.clear("shutdown");
        assertEquals(0, slot.liveModels());
    }
}
