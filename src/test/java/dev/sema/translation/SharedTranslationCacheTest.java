package dev.sema.translation;

import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodedSegment;
import dev.sema.fleet.Eventually;
import dev.sema.fleet.OwnRedis;
import dev.sema.fleet.SharedStore;
import dev.sema.fleet.TestStores;
import dev.sema.models.ModelLocator;
import dev.sema.models.ModelSlot;
import dev.sema.models.ResolvedModel;
import dev.sema.models.hub.ConfigLookup;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.testmodels.TestModels;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation cache's shared level between two replicas (each its own store, memory level and model loaded
 * from its own copy of the files) on real Redis: the machine's, under a prefix of this test's own whose keys are
 * deleted afterwards, and one of the test's own that it stops and starts again for the outage.
 */
class SharedTranslationCacheTest {

    private static final Duration TTL = Duration.ofSeconds(3600);
    private static final EngineConfig CONFIG = EngineConfigs.of(1, 9, 400, 16);
    private static final DecodeOptions GREEDY = new DecodeOptions("eng_Latn", "deu_Latn", 1, 1,
            CONFIG.outputLength());
    private static final List<String> SEGMENTS = List.of("Hello world, how are you?", "Wie geht es dir heute?",
            "Hello world, how are you?", "Короткий текст.");
    private static final List<String> DISTINCT = List.of(SEGMENTS.get(0), SEGMENTS.get(1), SEGMENTS.get(3));

    private final TestStores stores = new TestStores();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        stores.close();
    }

    @Test
    void whatOneReplicaDecodedIsASharedHitOnAnother() throws Exception {
        Replica a = replica(TestStores.SHARED_REDIS, copy(TestModels.tiny(), "a"));
        Replica b = replica(TestStores.SHARED_REDIS, copy(TestModels.tiny(), "b"));
        assertEquals(a.contentId(), b.contentId(), "equal files, equal identity, whatever the path");

        List<DecodedSegment> fromA = a.translate(SEGMENTS);
        assertEquals(List.of(DISTINCT), a.decoded);
        assertEquals(List.of(1, 0, 3), a.counts(), "the repeated segment from memory, the rest decoded");

        List<DecodedSegment> fromB = b.translate(SEGMENTS);
        assertEquals(fromA, fromB, "texts and scores, to the last bit");
        assertTrue(fromA.stream().allMatch(s -> s.score() < 0), "random weights are never certain: " + fromA);
        assertEquals(List.of(), b.decoded, "B decoded nothing");
        assertEquals(List.of(1, 3, 0), b.counts(), "three distinct segments from Redis in one lookup");

        b.translate(SEGMENTS);
        assertEquals(List.of(5, 3, 0), b.counts(), "then from B's own memory");
    }

    @Test
    void anotherModelNeverHitsAndEntriesCarryTheTtl() throws Exception {
        Replica a = replica(TestStores.SHARED_REDIS, copy(TestModels.tiny(), "a"));
        Replica echo = replica(TestStores.SHARED_REDIS, copy(TestModels.echo(), "echo"));
        Path changed = copy(TestModels.tiny(), "changed");
        Files.writeString(changed.resolve("generation_config.json"),
                Files.readString(changed.resolve("generation_config.json")) + " ");
        Replica edited = replica(TestStores.SHARED_REDIS, changed);
        assertNotEquals(a.contentId(), echo.contentId());
        assertNotEquals(a.contentId(), edited.contentId(), "one byte more in one file is another model");

        List<DecodedSegment> fromA = a.translate(SEGMENTS);
        List<DecodedSegment> fromEcho = echo.translate(SEGMENTS);
        assertEquals(List.of(DISTINCT), echo.decoded, "nothing of A's model reached the echo model's replica");
        for (int i = 0; i < SEGMENTS.size(); i++) {
            assertTrue(SEGMENTS.get(i).startsWith(fromEcho.get(i).best()), "the echo model's own output (its input,"
                    + " up to the output cap): " + fromEcho.get(i));
        }
        assertNotEquals(fromA, fromEcho);
        edited.translate(SEGMENTS);
        assertEquals(List.of(DISTINCT), edited.decoded);

        SharedTranslations level = new SharedTranslations(a.store, TTL);
        String key = level.key(a.contentId(), GREEDY, SEGMENTS.get(0));
        long ttl = a.store.call(c -> c.ttl(key)).orElseThrow();
        assertTrue(ttl > 0 && ttl <= TTL.toSeconds(), "expires within sema.cache-ttl, got " + ttl);
        assertEquals(Optional.of(SharedTranslations.encode(fromA.get(0))), a.store.call(c -> c.get(key)));
    }

    @Test
    void anEntryWithoutAScoreIsAMissAndIsWrittenAgain() throws Exception {
        Replica a = replica(TestStores.SHARED_REDIS, copy(TestModels.tiny(), "a"));
        Replica b = replica(TestStores.SHARED_REDIS, copy(TestModels.tiny(), "b"));
        SharedTranslations level = new SharedTranslations(a.store, TTL);
        String key = level.key(a.contentId(), GREEDY, SEGMENTS.get(0));
        String withoutScore = "5:Hallo"; // how tc1 stored an n-best list: no score in front
        a.store.call(c -> c.set(key, withoutScore)).orElseThrow();

        List<DecodedSegment> fromA = a.translate(List.of(SEGMENTS.get(0)));
        assertEquals(List.of(List.of(SEGMENTS.get(0))), a.decoded, "decoded, not read as a translation");
        assertEquals(List.of(0, 0, 1), a.counts());
        assertEquals(Optional.of(SharedTranslations.encode(fromA.get(0))), a.store.call(c -> c.get(key)),
                "and replaced by an entry with its score");
        assertEquals(fromA, b.translate(List.of(SEGMENTS.get(0))));
        assertEquals(List.of(0, 1, 0), b.counts());
    }

    @Test
    void theValueEncodingKeepsTheScoreExactlyAndRefusesForeignValues() {
        DecodedSegment segment = new DecodedSegment(List.of("Guten Tag; 1:2", ""), -0.123456789012345);
        assertEquals(Optional.of(segment), SharedTranslations.decode(SharedTranslations.encode(segment)));
        for (String foreign : List.of("5:Hallo", "x;5:Hallo", ";5:Hallo", "NaN;5:Hallo", "-1.0;", "-1.0;9:kurz")) {
            assertEquals(Optional.empty(), SharedTranslations.decode(foreign), foreign);
        }
    }

    @Test
    void redisTroubleLeavesTheMemoryLevelAndSharingResumesAfterwards() throws Exception {
        OwnRedis redis = OwnRedis.start();
        stores.closeAtEnd(redis);
        Replica a = replica(redis.url(), copy(TestModels.tiny(), "a"));
        Replica b = replica(redis.url(), copy(TestModels.tiny(), "b"));
        a.translate(SEGMENTS);

        redis.stop();
        List<DecodedSegment> fromB = b.translate(SEGMENTS);
        assertEquals(List.of(DISTINCT), b.decoded, "Redis away: B decodes, nothing throws");
        assertEquals(List.of(1, 0, 3), b.counts());
        assertEquals(fromB, a.translate(SEGMENTS), "A serves from its memory");
        assertEquals(List.of(5, 0, 3), a.counts());

        redis.startAgain();
        // a round trip, not up(): A served the outage from memory, so its flag may still be the one from before it
        // (a write through the not yet reconnected connection would then be lost, and B would decode again)
        Eventually.until("A reconnects", () -> a.store.call(RedisCommands::ping).isPresent());
        Eventually.until("B reconnects", () -> b.store.call(RedisCommands::ping).isPresent());
        List<String> fresh = List.of("A sentence after the outage.");
        a.translate(fresh);
        b.translate(fresh);
        assertEquals(List.of(DISTINCT), b.decoded, "the new sentence came from Redis again");
        assertEquals(List.of(1, 1, 3), b.counts());
    }

    private Replica replica(URI redis, Path modelDir) throws InterruptedException {
        Replica replica = new Replica(stores.open(redis), modelDir);
        stores.closeAtEnd(replica);
        Eventually.until("the replica connects to Redis", replica.store::up);
        return replica;
    }


    /** A copy of a model folder under another path, as another replica's disk holds it. */
    private Path copy(Path model, String name) throws IOException {
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(model)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(model.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    /** One server: its store, its memory level and its model, loaded as ModelRegistry loads a local folder. */
    private static final class Replica implements AutoCloseable {
        final SharedStore store;
        final ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
        final TranslationCache cache;
        final List<List<String>> decoded = new ArrayList<>();
        final int[] counts = new int[3];

        Replica(SharedStore store, Path modelDir) {
            this.store = store;
            ResolvedModel resolved = ModelLocator.from(ConfigLookup.of(Map.of("sema.model-dir", modelDir.toString(),
                    "sema.model-variant", "fp32"))).resolveTranslationModel();
            slot.install(NllbModel.load(resolved.path(), ModelVariant.FP32,
                    new OrtSettings(1, OrtSettings.DEFAULT.optLevel(), true)), resolved.info(), Duration.ZERO);
            this.cache = new TranslationCache(100, new SharedTranslations(store, TTL), (memory, shared, misses) -> {
                counts[0] += memory;
                counts[1] += shared;
                counts[2] += misses;
            });
        }

        String contentId() {
            return slot.status().info().get(ResolvedModel.CONTENT_ID).toString();
        }

        /** Memory hits, shared hits, misses so far. */
        List<Integer> counts() {
            return List.of(counts[0], counts[1], counts[2]);
        }

        List<DecodedSegment> translate(List<String> segments) {
            try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
                return cache.translate(lease, GREEDY, segments, missing -> {
                    decoded.add(List.copyOf(missing));
                    return TestEngines.alone(lease.model(), CONFIG).translate(missing, GREEDY);
                });
            }
        }

        @Override
        public void close() {
            slot.clear("test done");
            store.close();
        }
    }
}
