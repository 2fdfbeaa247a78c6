package dev.sema.fleet;

import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelStatus;
import dev.sema.models.ResolvedModel;
import dev.sema.models.hub.ConfigLookup;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas in one JVM, each with its own store, model registry and fleet membership, on real Redis: the machine's
 * under a prefix of this test's own (its keys deleted afterwards), and one of the test's own for the outage.
 */
class FleetTest {


    private final TestStores stores = new TestStores();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        stores.close();
    }

    @Test
    void aReloadOrderedOnOneReplicaReloadsEveryOtherOnceAndNotItself() throws Exception {
        Replica a = replica("a", TestStores.SHARED_REDIS);
        Replica b = replica("b", TestStores.SHARED_REDIS);
        assertEquals(1, a.loads.get());
        assertEquals(1, b.loads.get());

        // A reloads as the admin endpoint does: its own load first (finished here, so that a reload for its own
        // order would run and be counted instead of being refused as already running), then the order
        a.registry.reload(ModelRegistry.TRANSLATION, Optional.empty()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        Fleet.Broadcast sent = a.fleet.orderReload(List.of(ModelRegistry.TRANSLATION), Optional.empty());
        assertEquals(new Fleet.Broadcast(Fleet.Source.SHARED, 1), sent, "B heard it");
        Eventually.until("B reloads", () -> b.loads.get() == 2 && b.ready());

        // B's order reaches A after A's own (one channel, one connection, in order). B orders the other slot, so A's
        // reload for it shows (that slot's state); by then A has seen its own order, which must not have reloaded it
        b.fleet.orderReload(List.of(ModelRegistry.LANGUAGE_IDENTIFICATION), Optional.empty());
        Eventually.until("A reloads for B's order", () -> a.registry.languageIdentification().status().state()
                != ModelStatus.State.NOT_CONFIGURED && a.loads.get() >= 3);
        assertEquals(3, a.loads.get(), "start, own reload, B's order: nothing for its own order");
        assertEquals(2, b.loads.get());
    }

    @Test
    void theViewListsTheLiveReplicasAndOneThatLeavesDisappears() throws Exception {
        Replica a = replica("a", TestStores.SHARED_REDIS);
        Replica b = replica("b", TestStores.SHARED_REDIS);
        // B's first heartbeat may predate its model load; the one after the load says READY
        Eventually.until("A sees B serving", () -> a.fleet.view().replicas().size() == 2
                && a.fleet.view().replicas().get(1).models().get(0).state().equals("READY"));
        Fleet.View view = a.fleet.view();
        assertEquals(Fleet.Source.SHARED, view.source());
        assertEquals(List.of("a", "b"), view.replicas().stream().map(ReplicaState::name).toList(), "self first");
        assertEquals(a.fleet.id(), view.self());
        ReplicaState.Slot bTranslation = view.replicas().get(1).models().get(0);
        assertEquals(ModelRegistry.TRANSLATION, bTranslation.name());
        assertEquals("READY", bTranslation.state());
        assertEquals(a.registry.translation().status().info().get(ResolvedModel.CONTENT_ID), bTranslation.contentId(),
                "the same files, the same content id on both");
        long ttl = a.store.call(c -> c.ttl(stores.prefix() + "fleet:replica:" + b.fleet.id())).orElseThrow();
        assertTrue(ttl > 0 && ttl <= 3, "the entry expires three heartbeats after the last: " + ttl);

        b.fleet.close();
        assertEquals(List.of("a"), a.fleet.view().replicas().stream().map(ReplicaState::name).toList());
    }

    @Test
    void withoutRedisTheFleetIsThisServerAlone() throws Exception {
        SharedStore none = SharedStore.open(new SharedStoreConfig(Optional.empty(), stores.prefix(),
                Duration.ofMillis(500), Duration.ofMillis(200)), stores.scheduler());
        Replica alone = replica("alone", none);
        Fleet.View view = alone.fleet.view();
        assertEquals(Fleet.Source.SINGLE, view.source());
        assertEquals(List.of("alone"), view.replicas().stream().map(ReplicaState::name).toList());
        assertEquals("READY", view.replicas().get(0).models().get(0).state());
        assertEquals(new Fleet.Broadcast(Fleet.Source.SINGLE, 0),
                alone.fleet.orderReload(List.of(ModelRegistry.TRANSLATION), Optional.empty()));
    }

    @Test
    void whileRedisIsAwayTheViewIsThisReplicaAndOrdersSaySoThenTheFleetIsBack() throws Exception {
        OwnRedis redis = OwnRedis.start();
        stores.closeAtEnd(redis);
        Replica a = replica("a", redis.url());
        Replica b = replica("b", redis.url());
        // B's first heartbeat may predate its model load; the one after the load says READY
        Eventually.until("A sees B serving", () -> a.fleet.view().replicas().size() == 2
                && a.fleet.view().replicas().get(1).models().get(0).state().equals("READY"));

        redis.stop();
        Eventually.until("A notices", () -> !a.store.up());
        Fleet.View alone = a.fleet.view();
        assertEquals(Fleet.Source.UNAVAILABLE, alone.source());
        assertEquals(List.of("a"), alone.replicas().stream().map(ReplicaState::name).toList());
        assertEquals(new Fleet.Broadcast(Fleet.Source.UNAVAILABLE, 0),
                a.fleet.orderReload(List.of(ModelRegistry.TRANSLATION), Optional.empty()));

        redis.startAgain(); // empty: the heartbeats fill it again
        Eventually.until("A sees B again", () -> a.fleet.view().replicas().size() == 2);
        Eventually.until("B hears orders again (Lettuce subscribed anew)", () -> a.fleet.orderReload(
                List.of(), Optional.empty()).heard() == 1);
    }


    private Replica replica(String name, URI redis) throws InterruptedException {
        Replica replica = replica(name, stores.open(redis));
        Eventually.until(name + " connects", replica.store::up);
        return replica;
    }

    private Replica replica(String name, SharedStore store) throws InterruptedException {
        Replica replica = new Replica(name, store, dir.resolve("hub-" + name));
        stores.closeAtEnd(replica);
        Eventually.until(name + " has loaded its model", replica::ready);
        return replica;
    }

    /** One server: a store, a registry on the echo model (loads counted) and its fleet membership, started. */
    private final class Replica implements AutoCloseable {
        final SharedStore store;
        final AtomicInteger loads = new AtomicInteger();
        final ExecutorService loader = Executors.newSingleThreadExecutor();
        final ModelRegistry registry;
        final Fleet fleet;

        Replica(String name, SharedStore store, Path hubCache) {
            this.store = store;
            // no language identification model: a reload of that slot fails at once, visibly
            this.registry = new ModelRegistry(ConfigLookup.of(Map.of("sema.model-dir", TestModels.echo().toString(),
                    "sema.model-variant", "fp32", "sema.lid-model", hubCache.resolve("absent.ftz").toString(),
                    "HF_ENDPOINT", "http://127.0.0.1:9", "HF_HUB_CACHE", hubCache.toString())), task -> {
                loads.incrementAndGet();
                loader.execute(task);
            });
            registry.reload(Optional.empty());
            this.fleet = new Fleet(store, new FleetConfig(name, Duration.ofSeconds(1)), registry, stores.scheduler(),
                    UnaryOperator.identity());
            fleet.start();
        }

        boolean ready() {
            ModelStatus status = registry.translation().status();
            return status.state() == ModelStatus.State.READY && status.detail() == null;
        }

        @Override
        public void close() throws InterruptedException {
            fleet.close();
            registry.translation().clear("test done");
            loader.shutdown();
            loader.awaitTermination(20, TimeUnit.SECONDS);
            store.close();
        }
    }
}
