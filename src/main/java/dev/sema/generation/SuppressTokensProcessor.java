package dev.sema.generation;

import java.util.Set;
import java.util.stream.IntStream;

/**
 * Tokens that may never be generated (HF {@code SuppressTokensLogitsProcessor}). For NLLB: every language
 * code (the forcing processor, which runs later, still puts the target language first), {@code <pad>},
 * {@code <s>}, {@code <mask>} and the unused logit rows 256204 and 256205, which the model never trained
 * to avoid.
 */
public final class SuppressTokensProcessor implements LogitsProcessor {

    private final int[] tokenIds;

    private SuppressTokensProcessor(int[] tokenIds) {
        this.tokenIds = tokenIds;
    }

    /** The given ids plus the pad id, which is never a valid output. */
    static SuppressTokensProcessor of(Set<Integer> tokenIds, int padTokenId) {
        return new SuppressTokensProcessor(IntStream.concat(
                tokenIds.stream().mapToInt(Integer::intValue), IntStream.of(padTokenId)).distinct().sorted().toArray());
    }

    /** The suppressed ids, ascending. */
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (float[] row : logits) {
            for (int token : tokenIds) {
                row[token] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
