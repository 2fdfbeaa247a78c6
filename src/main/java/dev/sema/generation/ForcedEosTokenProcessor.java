package dev.sema.generation;

import java.util.function.IntUnaryOperator;

/**
 * Forces EOS at the last position a row may fill (HF {@code ForcedEOSTokenLogitsProcessor} at
 * {@code max_length − 1}), so every output ends as a finished sentence even when cut short.
 *
 * @param eosTokenId           the token forced
 * @param maxNewTokensOfSource batch row → its limit in generated tokens
 */
public record ForcedEosTokenProcessor(int eosTokenId, IntUnaryOperator maxNewTokensOfSource) implements LogitsProcessor {

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (int row = 0; row < sequences.rows(); row++) {
            if (sequences.length(row) == maxNewTokensOfSource.applyAsInt(sequences.source(row)) - 1) {
                LogitsProcessor.force(logits[row], eosTokenId);
            }
        }
    }
}
