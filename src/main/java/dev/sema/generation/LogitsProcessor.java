package dev.sema.generation;

import java.util.Arrays;

/**
 * One rule that edits the next-token logits before a token is chosen (HF {@code LogitsProcessor}).
 * Processors work on raw logits, for greedy and beam search alike; beam search normalises afterwards.
 */
@FunctionalInterface
public interface LogitsProcessor {

    /**
     * @param sequences what each row has generated so far
     * @param logits    {@code [rows][vocab]} the decoder's last-position logits, edited in place
     */
    void process(Sequences sequences, float[][] logits);

    /** Sets every logit of {@code row} to −∞ except {@code token}, which gets 0 (log-probability 0 after softmax). */
    static void force(float[] row, int token) {
        Arrays.fill(row, Float.NEGATIVE_INFINITY);
        row[token] = 0f;
    }
}
