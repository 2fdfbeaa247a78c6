/**
 * Word alignment between a text and its translation, for projecting markup onto translated words:
 * {@link dev.sema.alignment.NllbWordAligner} is the {@code translation.WordAligner} bean, SimAlign over the
 * serving NLLB model's encoder. The numeric stages ({@link dev.sema.alignment.SimilarityMatrix},
 * {@link dev.sema.alignment.Matching}, {@link dev.sema.alignment.Words}, {@link dev.sema.alignment.SimAlign})
 * are plain Java over arrays, tested on hand-made vectors; tracing pieces to characters lives with the
 * tokenizer ({@code nllb.PieceOffsets}).
 */
package dev.sema.alignment;
