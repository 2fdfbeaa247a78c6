package dev.sema.generation;

import java.util.function.IntUnaryOperator;

/**
 * Forces each row's first generated token (HF {@code ForcedBOSTokenLogitsProcessor}); NLLB uses it for the
 * target language, which may differ between the rows of one batch.
 *
 * @param forcedTokenOfSource batch row → the token to force, or −1 for none
 */
public record ForcedBosTokenProcessor(IntUnaryOperator forcedTokenOfSource) implements LogitsProcessor {

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (int row = 0; row < sequences.rows(); row++) {
            int forced = forcedTokenOfSource.applyAsInt(sequences.source(row));
            if (sequences.length(row) == 0 && forced >= 0) {
                LogitsProcessor.force(logits[row], forced);
            }
        }
    }
}
