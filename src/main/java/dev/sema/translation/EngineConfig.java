package dev.sema.translation;

import dev.sema.batching.BatchLimits;
import dev.sema.generation.OutputLengthRule;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * How the NLLB engine decodes; defaults (in brackets) in {@code META-INF/microprofile-config.properties}.
 *
 * <ul>
 *   <li>{@code sema.beam-size} (1): beams when the request names none. Greedy, like the original Sema API
 *       (CTranslate2 beam 1) and transformers.js; NLLB's own evaluation used 4, which costs about the beam
 *       width in decoder work per token for around one chrF++ point, so it is a per-request option.</li>
 *   <li>{@code sema.max-output-tokens} (512): hard cap of generated tokens per segment (language tag
 *       included). The limit of a segment is {@code min(cap, 2 × source tokens + 10)}, so a short sentence
 *       that starts looping stops early, while a segment at the full token budget is never cut: NLLB's
 *       {@code generation_config.json} {@code max_length} 200 would silently truncate segments of more than
 *       about 200 tokens, so it is not used.</li>
 *   <li>{@code sema.max-segment-tokens} (400): SentencePiece pieces per segment; longer sentences are cut
 *       (see {@link Segmenter}). Below NLLB's 512-token training length, leaving room for the language tag
 *       and EOS and for tokenisation differences between languages.</li>
 *   <li>{@code sema.batch-max-segments} (16): segments decoded together in one padded batch.</li>
 *   <li>{@code sema.batch-max-size} (16): requests whose segments may share one batch ({@link dev.sema.batching.DecodeScheduler});
 *       1 turns cross-request batching off, so requests are decoded one after another.</li>
 *   <li>{@code sema.batch-max-tokens} (8192): padded source tokens per batch (rows × longest source), which
 *       bounds the encoder's and the cross-attention cache's memory; a longer single segment goes alone.</li>
 *   <li>{@code sema.batch-wait-ms} (10): how long the next batch may wait for as many requests as the last one
 *       served ({@link dev.sema.batching.DecodeScheduler}); 0 never waits.</li>
 *   <li>{@code sema.cache-size} (10000): translated segments kept in memory ({@link TranslationCache}); 0 turns
 *       the cache off, both levels.</li>
 *   <li>{@code sema.cache-ttl} (86400 s): how long a translation stays in the replicas' shared cache in Redis
 *       ({@link SharedTranslations}); a day bounds what a deployment accumulates while repeated texts (the
 *       cache's use) recur within it; Redis' own {@code maxmemory} policy bounds it further.</li>
 * </ul>
 */
public record EngineConfig(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments,
                           int batchMaxSize, int batchMaxTokens, int batchWaitMs, long cacheSize, Duration cacheTtl) {

    public EngineConfig {
        atLeast("sema.beam-size", beamSize, 1);
        atLeast("sema.max-output-tokens", maxOutputTokens, 1);
        atLeast("sema.max-segment-tokens", maxSegmentTokens, 1);
        atLeast("sema.batch-max-segments", batchMaxSegments, 1);
        atLeast("sema.batch-max-size", batchMaxSize, 1);
        atLeast("sema.batch-max-tokens", batchMaxTokens, 1);
        atLeast("sema.batch-wait-ms", batchWaitMs, 0);
        atLeast("sema.cache-size", cacheSize, 0);
        atLeast("sema.cache-ttl", cacheTtl.toSeconds(), 1);
    }

    public static EngineConfig from(Config config) {
        return new EngineConfig(config.getValue("sema.beam-size", int.class),
                config.getValue("sema.max-output-tokens", int.class),
                config.getValue("sema.max-segment-tokens", int.class),
                config.getValue("sema.batch-max-segments", int.class),
                config.getValue("sema.batch-max-size", int.class),
                config.getValue("sema.batch-max-tokens", int.class),
                config.getValue("sema.batch-wait-ms", int.class),
                config.getValue("sema.cache-size", long.class),
                Duration.ofSeconds(config.getValue("sema.cache-ttl", long.class)));
    }

    /** The output limit per segment, from its source length in tokens. */
    public OutputLengthRule outputLength() {
        return new OutputLengthRule(OutputLengthRule.DEFAULT.perSourceToken(), OutputLengthRule.DEFAULT.extra(),
                maxOutputTokens);
    }

    /** What the engine's decode scheduler may put in one batch. */
    public BatchLimits batchLimits() {
        return new BatchLimits(batchMaxSegments, batchMaxSize, batchMaxTokens, batchWaitMs);
    }

    private static void atLeast(String key, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", got " + value);
        }
    }
}
