package dev.sema.translation;

/** Engine settings for tests: the bounds a test varies, the production defaults for the rest. */
public final class EngineConfigs {

    private EngineConfigs() {
    }

    /** Cross-request batching with the default bounds (16 requests, 8192 tokens, 10 ms wait); no cache. */
    public static EngineConfig of(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments) {
        return of(beamSize, maxOutputTokens, maxSegmentTokens, batchMaxSegments, 16, 8192);
    }

    /** The default batch wait (10 ms); no cache. */
    public static EngineConfig of(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments,
                           int batchMaxSize, int batchMaxTokens) {
        return of(beamSize, maxOutputTokens, maxSegmentTokens, batchMaxSegments, batchMaxSize, batchMaxTokens, 10);
    }

    /** No cache. */
    public static EngineConfig of(int beamSize, int maxOutputTokens, int maxSegmentTokens, int batchMaxSegments,
                           int batchMaxSize, int batchMaxTokens, int batchWaitMs) {
        return new EngineConfig(beamSize, maxOutputTokens, maxSegmentTokens, batchMaxSegments, batchMaxSize,
                batchMaxTokens, batchWaitMs, 0, java.time.Duration.ofDays(1));
    }
}
