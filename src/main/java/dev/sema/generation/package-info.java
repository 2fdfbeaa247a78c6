/**
 * Autoregressive decoding, model-agnostic and pure Java (no CDI, ONNX Runtime or HTTP), laid out like
 * HF transformers' {@code generation} package: {@link dev.sema.generation.GenerationConfig},
 * {@link dev.sema.generation.LogitsProcessorList} (small in-place processors in a documented order),
 * {@link dev.sema.generation.StoppingCriteria}, and a {@link dev.sema.generation.SearchStrategy} that is the
 * only difference between greedy and beam search, all driven by {@link dev.sema.generation.Generator}.
 *
 * <p>The model side is {@link dev.sema.generation.DecoderSession}; the caller creates it (one row per
 * source and beam), owns it and closes it. Finished rows leave the session through
 * {@link dev.sema.generation.DecoderSession#reorder}, so the batch only ever holds running rows.
 *
 * <p>Conventions: lengths count generated tokens (the forced language token counts; the decoder start
 * token and the final EOS do not); scores are natural-log probabilities of the processed distribution.
 */
package dev.sema.generation;
