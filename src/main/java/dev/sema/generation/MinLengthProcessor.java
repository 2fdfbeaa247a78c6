package dev.sema.generation;

/**
 * Forbids EOS until a row has generated {@code minNewTokens} tokens (HF {@code MinNewTokensLengthLogitsProcessor}).
 * Off by default: NLLB rarely stops early, and a minimum only helps when it does.
 */
public record MinLengthProcessor(int minNewTokens, int eosTokenId) implements LogitsProcessor {

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (int row = 0; row < sequences.rows(); row++) {
            if (sequences.length(row) < minNewTokens) {
                logits[row][eosTokenId] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
