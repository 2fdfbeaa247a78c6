package dev.sema.batching;

/**
 * How much one decoder batch may hold and how long it may wait for company ({@link DecodeScheduler}); the
 * translation engine reads them from its configuration.
 *
 * @param maxSegments {@code sema.batch-max-segments}: rows of one padded batch
 * @param maxRequests {@code sema.batch-max-size}: requests whose segments may share one batch
 * @param maxTokens   {@code sema.batch-max-tokens}: padded source tokens (rows × longest source) of one batch
 * @param waitMs      {@code sema.batch-wait-ms}: how long the next batch may wait for as many requests as the
 *                    last one served
 */
public record BatchLimits(int maxSegments, int maxRequests, int maxTokens, int waitMs) {
}
