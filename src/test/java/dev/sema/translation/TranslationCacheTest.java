package dev.sema.translation;

import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodedSegment;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The translation cache in front of real decoding on generated models. */
class TranslationCacheTest {

    private static final EngineConfig CONFIG = EngineConfigs.of(1, 9, 400, 16);
    private static final List<String> SEGMENTS = List.of("Hello world, how are you?", "Wie geht es dir heute?",
            "Hello world, how are you?", "Короткий текст.");

    private final ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    /** Every segment list that reached the decoder. */
    private final List<List<String>> decoded = new ArrayList<>();

    @AfterEach
    void close() {
        slot.clear("test done");
        assertEquals(0, slot.liveModels());
    }

    @Test
    void aHitGivesTheSameTranslationWithoutDecoding() {
        install(TestModels.tiny(), "rev-a");
        TranslationCache cache = cache(100);
        DecodeOptions greedy = options(1, 1);
        List<DecodedSegment> first = translate(cache, greedy, SEGMENTS);
        assertEquals(List.of(List.of(SEGMENTS.get(0), SEGMENTS.get(1), SEGMENTS.get(3))), decoded,
                "a repeated segment is decoded once");
        assertEquals(first.get(0), first.get(2));
        assertEquals(1, hits.get());
        assertEquals(3, misses.get());

        List<DecodedSegment> again = translate(cache, greedy, SEGMENTS);
        assertEquals(first, again, "texts and scores");
        assertEquals(1, decoded.size(), "all four segments came from the cache");
        assertEquals(5, hits.get());

        // Other beams, alternatives or languages are other translations: they must be decoded.
        translate(cache, options(2, 1), SEGMENTS.subList(0, 1));
        translate(cache, options(2, 2), SEGMENTS.subList(0, 1));
        translate(cache, new DecodeOptions("eng_Latn", "fra_Latn", 1, 1, CONFIG.outputLength()),
                SEGMENTS.subList(0, 1));
        assertEquals(4, decoded.size());
    }

    @Test
    void theEngineGivesTheSameOutputWithTheCache() {
        install(TestModels.tiny(), "rev-a");
        NllbTranslationEngine cached = TestEngines.cached(slot, CONFIG, cache(100));
        NllbTranslationEngine plain = TestEngines.uncached(slot, CONFIG);
        List<String> texts = List.of("Hello world. Wie geht es dir heute?", "Hello world.");
        TranslationOptions options = new TranslationOptions(2, 1);
        List<TranslationOutput> expected = plain.translate(texts, "eng_Latn", "deu_Latn", options);
        assertEquals(expected, cached.translate(texts, "eng_Latn", "deu_Latn", options));
        assertEquals(expected, cached.translate(texts, "eng_Latn", "deu_Latn", options));
        assertEquals(2, misses.get(), "two distinct segments");
        assertEquals(4, hits.get(), "the repeated sentence, then all three segments");
    }

    @Test
    void sizeZeroTurnsItOff() {
        install(TestModels.tiny(), "rev-a");
        TranslationCache cache = cache(0);
        translate(cache, options(1, 1), SEGMENTS);
        translate(cache, options(1, 1), SEGMENTS);
        assertEquals(List.of(SEGMENTS, SEGMENTS), decoded);
        assertEquals(0, hits.get() + misses.get());
        assertEquals(0, cache.size());
        assertThrows(IllegalArgumentException.class, () -> cache(-1));
    }

    @Test
    void aReloadNeverServesThePreviousModelsTranslations() {
        install(TestModels.echo(), "same-revision");
        TranslationCache cache = cache(100);
        List<String> one = List.of("Hello world");
        assertEquals(one, translate(cache, options(1, 1), one).get(0).nBest(), "the echo model gives it back");
        assertEquals(1, cache.size());

        // The same identity fields on purpose: only the load tells the two models apart.
        install(TestModels.tiny(), "same-revision");
        List<DecodedSegment> reloaded = translate(cache, options(1, 1), one);
        assertEquals(2, decoded.size(), "decoded again after the reload");
        assertNotEquals(one, reloaded.get(0).nBest());
        assertEquals(TestEngines.uncached(slot, CONFIG).translate(one, "eng_Latn", "deu_Latn",
                TranslationOptions.DEFAULT).get(0).text(), reloaded.get(0).best());
        cache.cleanUp();
        assertEquals(1, cache.size(), "the echo model's entry was dropped");
    }

    private void install(Path dir, String revision) {
        slot.install(NllbModel.load(dir, ModelVariant.FP32, new OrtSettings(1, OrtSettings.DEFAULT.optLevel(), true)),
                Map.of("revision", revision, "path", "/models/test"), Duration.ZERO);
    }

    private TranslationCache cache(long size) {
        return new TranslationCache(size, SharedLevels.none(), (memory, shared, m) -> {
            assertEquals(0, shared, "no Redis, no shared hits");
            hits.addAndGet(memory);
            misses.addAndGet(m);
        });
    }

    private static DecodeOptions options(int beams, int returns) {
        return new DecodeOptions("eng_Latn", "deu_Latn", beams, returns, CONFIG.outputLength());
    }

    private List<DecodedSegment> translate(TranslationCache cache, DecodeOptions options, List<String> segments) {
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            Function<List<String>, List<DecodedSegment>> decoder = missing -> {
                decoded.add(List.copyOf(missing));
                return TestEngines.alone(lease.model(), CONFIG).translate(missing, options);
            };
            return cache.translate(lease, options, segments, decoder);
        }
    }
}
