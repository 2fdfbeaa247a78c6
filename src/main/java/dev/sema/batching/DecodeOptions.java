package dev.sema.batching;

import dev.sema.generation.OutputLengthRule;

/**
 * Everything besides the segment text and the model that decides a segment's translations.
 *
 * @param beams   beams per segment (1 = greedy)
 * @param returns hypotheses kept per segment, 1 to {@code beams}
 * @param length  the output length limit per segment, in tokens
 */
public record DecodeOptions(String source, String target, int beams, int returns, OutputLengthRule length) {
}
