package dev.sema.translation;

import dev.sema.batching.BatchDecoder;
import dev.sema.batching.Cancellation;
import dev.sema.batching.DecodeScheduler;
import dev.sema.batching.SegmentBatches;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;

/**
 * NLLB engines and segment batches for tests, built from the production constructors: without a translation
 * cache unless one is given, each on a decode scheduler of its own unless the test brings one (to hold its
 * batches or read its {@code stats()}).
 */
public final class TestEngines {

    private TestEngines() {
    }

    /** Without a translation cache, on a scheduler of its own. */
    public static NllbTranslationEngine uncached(ModelSlot<NllbModel> slot, EngineConfig config) {
        return uncached(slot, config, scheduler(config));
    }

    /** Without a translation cache, on {@code scheduler}. */
    public static NllbTranslationEngine uncached(ModelSlot<NllbModel> slot, EngineConfig config,
                                                 DecodeScheduler scheduler) {
        return new NllbTranslationEngine(slot, config, new TranslationCache(0, SharedLevels.none(), (memory, shared, misses) -> { }), scheduler);
    }

    /** With {@code cache}, on a scheduler of its own. */
    public static NllbTranslationEngine cached(ModelSlot<NllbModel> slot, EngineConfig config,
                                               TranslationCache cache) {
        return new NllbTranslationEngine(slot, config, cache, scheduler(config));
    }

    /** One request's segment batches on a scheduler of their own: batched only with each other. */
    public static SegmentBatches alone(NllbModel model, EngineConfig config) {
        return new SegmentBatches(model, scheduler(config), new Cancellation());
    }

    /** The production decoder under the config's batch limits. */
    public static DecodeScheduler scheduler(EngineConfig config) {
        return new DecodeScheduler(config.batchLimits(), BatchDecoder.NLLB);
    }
}
