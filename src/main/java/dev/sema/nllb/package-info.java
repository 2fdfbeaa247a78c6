/**
 * NLLB-200 on ONNX Runtime: the model side of translation.
 *
 * <p>{@link dev.sema.nllb.NllbModel#load} reads a Hugging Face / Optimum model directory
 * ({@link dev.sema.nllb.NllbModelFiles}), checks every graph against {@code config.json} by tensor name, and
 * holds the {@link dev.sema.nllb.NllbTokenizer}, the encoder session and the decoder session(s). A request
 * tokenizes its sources, runs {@link dev.sema.nllb.NllbModel#encode} once, and drives an
 * {@link dev.sema.nllb.NllbDecoderSession} (the {@code generation.DecoderSession} contract) step by step; the
 * KV cache stays in native tensors whose count {@link dev.sema.nllb.NllbModel#liveTensors} exposes, so leaks
 * are testable.
 */
package dev.sema.nllb;
