package dev.sema.generation;

import java.util.Arrays;

/**
 * One finished output sequence.
 *
 * @param tokens    generated ids: without the decoder start token, with the forced language token first
 *                  (when one was forced), without the final EOS
 * @param score     {@code sumLogProbs / max(1, tokens.length)^lengthPenalty}: the sum of the chosen tokens'
 *                  log-probabilities (natural log, after the logits processors, EOS included) normalised
 *                  by the length HF uses, which for NLLB also equals fairseq's (the language token counts,
 *                  EOS does not; fairseq counts EOS but not the language token)
 * @param truncated the row used up its {@link GenerationConfig#maxNewTokens(int) limit} (a forced EOS at the
 *                  limit counts as truncated too)
 * @param meanLogProb the mean log-probability of the tokens the search chose: the same sum as {@code score}
 *                  divided by the number of chosen tokens, EOS included, tokens a processor forced (the target
 *                  language first, EOS at the limit) excluded. A forced token adds 0 to the sum, as every other
 *                  token of its row is −∞, so it only ever dilutes a mean it would count in; this one is the
 *                  model's average certainty in what it wrote, independent of the length penalty. 0 when
 *                  nothing was chosen
 */
public record Hypothesis(int[] tokens, double score, boolean truncated, double meanLogProb) {

    public Hypothesis {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /**
     * The hypothesis for a finished row.
     *
     * @param generated   everything the row generated, possibly ending with EOS
     * @param source      the batch row, for its length limit
     * @param sumLogProbs the summed log-probabilities of {@code generated}
     */
    static Hypothesis of(int[] generated, int source, double sumLogProbs, GenerationConfig config) {
        boolean endsWithEos = generated.length > 0 && generated[generated.length - 1] == config.eosTokenId();
        int[] tokens = endsWithEos ? Arrays.copyOf(generated, generated.length - 1) : generated;
        boolean atLimit = generated.length >= config.maxNewTokens(source);
        int forced = (generated.length > 0 && config.forcedBosTokenId(source) >= 0 ? 1 : 0)
                + (endsWithEos && atLimit && config.forceEosAtLimit() && generated.length > 1 ? 1 : 0);
        int chosen = generated.length - forced;
        return new Hypothesis(tokens, lengthNormalized(sumLogProbs, tokens.length, config.lengthPenalty()), atLimit,
                chosen == 0 ? 0 : sumLogProbs / chosen);
    }

    /** The length-normalised score of a sequence of {@code length} tokens with summed log-probability {@code sum}. */
    static double lengthNormalized(double sumLogProbs, int length, double lengthPenalty) {
        return sumLogProbs / Math.pow(Math.max(1, length), lengthPenalty);
    }

    /** Equal tokens (by content), scores and flag. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Hypothesis that && Arrays.equals(tokens, that.tokens)
                && Double.compare(score, that.score) == 0 && truncated == that.truncated
                && Double.compare(meanLogProb, that.meanLogProb) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(tokens) + Double.hashCode(score)) + Boolean.hashCode(truncated))
                + Double.hashCode(meanLogProb);
    }

    @Override
    public String toString() {
        return "Hypothesis" + Arrays.toString(tokens) + " score=" + score + " mean=" + meanLogProb
                + (truncated ? " truncated" : "");
    }
}
