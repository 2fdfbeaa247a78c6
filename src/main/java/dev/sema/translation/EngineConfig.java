package dev.sema.translation;

import dev.sema.generation.OutputLengthRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the NLLB engine decodes; defaults in {@code META-INF/microprofile-config.properties}.
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
 *   <li>{@code sema.batch-max-size} (16): requests whose segments may share one batch ({@link DecodeScheduler});
 *       1 turns cross-request batching off, so requests are decoded one after another.</li>
 *   <li>{@code sema.batch-max-tokens} (8192): padded source tokens per batch (rows × longest source), which
 *       bounds the encoder's and the cross-attention cache's memory; a longer single segment goes alone.</li>
 *   <li>{@code sema.batch-wait-ms} (10): how long the next batch may wait for as many requests as the last one
 *       served ({@link DecodeScheduler}); 0 never waits.</li>
 * </ul>
 */
@ApplicationScoped
public class EngineConfig {

    private final int beamSize;
    private final int maxOutputTokens;
    private final int maxSegmentTokens;
    private final int batchMaxSegments;
    private final int batchMaxRequests;
    private final int batchMaxTokens;
    private final int batchWaitMs;

    @Inject
    public EngineConfig(@ConfigProperty(name = "sema.beam-size") int beamSize,
                        @ConfigProperty(name = "sema.max-output-tokens") int maxOutputTokens,
                        @ConfigProperty(name = "sema.max-segment-tokens") int maxSegmentTokens,
                        @ConfigProperty(name = "sema.batch-max-segments") int batchMaxSegments,
                        @ConfigProperty(name = "sema.batch-max-size") int batchMaxRequests,
                        @ConfigProperty(name = "sema.batch-max-tokens") int batchMaxTokens,
                        @ConfigProperty(name = "sema.batch-wait-ms") int batchWaitMs) {
        this.beamSize = atLeastOne("sema.beam-size", beamSize);
        this.maxOutputTokens = atLeastOne("sema.max-output-tokens", maxOutputTokens);
        this.maxSegmentTokens = atLeastOne("sema.max-segment-tokens", maxSegmentTokens);
        this.batchMaxSegments = atLeastOne("sema.batch-max-segments", batchMaxSegments);
        this.batchMaxRequests = atLeastOne("sema.batch-max-size", batchMaxRequests);
        this.batchMaxTokens = atLeastOne("sema.batch-max-tokens", batchMaxTokens);
        if (batchWaitMs < 0) {
            throw new IllegalArgumentException("sema.batch-wait-ms must be at least 0, got " + batchWaitMs);
        }
        this.batchWaitMs = batchWaitMs;
    }

    /** The default batch wait. */
    public EngineConfig(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments,
                        int batchMaxRequests, int batchMaxTokens) {
        this(beamSize, maxOutputTokens, maxSegmentTokens, batchMaxSegments, batchMaxRequests, batchMaxTokens, 10);
    }

    /** The default cross-request batch bounds. */
    public EngineConfig(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments) {
        this(beamSize, maxOutputTokens, maxSegmentTokens, batchMaxSegments, 16, 8192);
    }

    /** For the CDI client proxy only. */
    protected EngineConfig() {
        this.beamSize = 0;
        this.maxOutputTokens = 0;
        this.maxSegmentTokens = 0;
        this.batchMaxSegments = 0;
        this.batchMaxRequests = 0;
        this.batchMaxTokens = 0;
        this.batchWaitMs = 0;
    }

    /** The defaults, for use outside the container. */
    public static EngineConfig defaults() {
        return new EngineConfig(1, 512, 400, 16);
    }

    public int beamSize() {
        return beamSize;
    }

    /** The output limit per segment, from its source length in tokens. */
    public OutputLengthRule outputLength() {
        return new OutputLengthRule(OutputLengthRule.DEFAULT.perSourceToken(), OutputLengthRule.DEFAULT.extra(),
                maxOutputTokens);
    }

    public int maxSegmentTokens() {
        return maxSegmentTokens;
    }

    public int batchMaxSegments() {
        return batchMaxSegments;
    }

    /** {@code sema.batch-max-size}: requests per batch. */
    public int batchMaxRequests() {
        return batchMaxRequests;
    }

    public int batchMaxTokens() {
        return batchMaxTokens;
    }

    /** {@code sema.batch-wait-ms}, in milliseconds. */
    public int batchWaitMs() {
        return batchWaitMs;
    }

    private static int atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
        return value;
    }
}
