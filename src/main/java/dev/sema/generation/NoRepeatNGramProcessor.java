package dev.sema.generation;

/**
 * Forbids any token that would repeat an n-gram the row already contains (HF
 * {@code NoRepeatNGramLogitsProcessor}; fairseq {@code --no-repeat-ngram-size}): if the last {@code n − 1}
 * tokens occurred before, the token that followed them then is banned now. The decoder start token is not
 * part of the history (see {@link RepetitionPenaltyProcessor}).
 *
 * <p>A linear scan per row and step: O(length × n), negligible next to a decoder step.
 */
public record NoRepeatNGramProcessor(int size) implements LogitsProcessor {

    public NoRepeatNGramProcessor {
        if (size < 1) {
            throw new IllegalArgumentException("n-gram size must be ≥ 1: " + size);
        }
    }

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (int row = 0; row < sequences.rows(); row++) {
            int length = sequences.length(row);
            int prefixStart = length - (size - 1);
            // Every earlier n-gram start whose first n−1 tokens equal the current suffix bans its last token.
            for (int start = 0; start + size <= length; start++) {
                if (matches(sequences, row, start, prefixStart)) {
                    logits[row][sequences.token(row, start + size - 1)] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    private boolean matches(Sequences sequences, int row, int start, int prefixStart) {
        for (int i = 0; i < size - 1; i++) {
            if (sequences.token(row, start + i) != sequences.token(row, prefixStart + i)) {
                return false;
            }
        }
        return true;
    }
}
