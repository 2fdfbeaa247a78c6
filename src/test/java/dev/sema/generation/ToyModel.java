package dev.sema.generation;

import java.util.SplittableRandom;

/**
 * A deterministic stand-in for a translation model: the logits depend on the source and on the row's whole
 * decoder prefix (start token included), so a row that continues the wrong prefix after a reorder gets
 * different logits and the test notices.
 */
@FunctionalInterface
interface ToyModel {

    /** {@code [vocab]} logits for the next token after {@code prefix} (which begins with the start token). */
    float[] logits(int source, int[] prefix);

    /**
     * Pseudo-random Gaussian logits (σ = 2) seeded by the source and the prefix, plus {@code eosBoost} per
     * generated token on EOS so that sequences end after a few tokens.
     */
    static ToyModel random(int vocab, long seed, int eosTokenId, float eosBoost) {
        return (source, prefix) -> {
            long hash = seed * 1_000_003L + source;
            for (int token : prefix) {
                hash = hash * 0x9E3779B97F4A7C15L + token + 1;
            }
            SplittableRandom random = new SplittableRandom(hash);
            float[] logits = new float[vocab];
            for (int token = 0; token < vocab; token++) {
                logits[token] = (float) (2 * random.nextGaussian());
            }
            logits[eosTokenId] += eosBoost * (prefix.length - 1);
            return logits;
        };
    }
}
