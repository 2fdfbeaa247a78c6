package dev.sema.generation;

import java.util.BitSet;

/**
 * CTRL's repetition penalty (HF {@code RepetitionPenaltyLogitsProcessor}): every token already generated
 * by the row gets its logit divided by the penalty when positive and multiplied when negative, so it
 * becomes less likely either way.
 *
 * <p>Unlike HF, the decoder start token is not part of the history: for NLLB it is {@code </s>}, and
 * penalising it would push every translation to run longer.
 */
public record RepetitionPenaltyProcessor(double penalty) implements LogitsProcessor {

    public RepetitionPenaltyProcessor {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("repetition penalty must be > 0: " + penalty);
        }
    }

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (int row = 0; row < sequences.rows(); row++) {
            BitSet seen = new BitSet();
            float[] rowLogits = logits[row];
            for (int i = 0; i < sequences.length(row); i++) {
                int token = sequences.token(row, i);
                if (!seen.get(token)) {
                    seen.set(token);
                    float logit = rowLogits[token];
                    rowLogits[token] = (float) (logit < 0 ? logit * penalty : logit / penalty);
                }
            }
        }
    }
}
