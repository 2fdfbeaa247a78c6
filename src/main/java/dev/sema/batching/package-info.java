/**
 * Decoder batching: the segments of concurrent requests share padded NLLB batches.
 *
 * <p>{@link dev.sema.batching.SegmentBatches} tokenises one request's segments and hands them to the engine's
 * {@link dev.sema.batching.DecodeScheduler}, which runs them, with other requests' segments, through a
 * {@link dev.sema.batching.BatchDecoder} (encoder pass plus {@code generation.Generator} on the model's decoder)
 * and drops a request's rows once its {@link dev.sema.batching.Cancellation} fires. The translation use case
 * (segmenting, caching, re-joining texts) sits above, in {@code translation}.
 */
package dev.sema.batching;
