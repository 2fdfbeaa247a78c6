package dev.sema.generation;

/**
 * Log-softmax pieces. The normaliser of a 256k-wide NLLB row is the generator's main CPU cost (one exp per
 * logit, per row, per step), so {@link #logSumExp} uses a polynomial exp that the JIT keeps in registers
 * instead of {@link Math#exp}: relative error below 1e-8.
 */
final class LogProbabilities {

    private static final double LOG2_E = 1.4426950408889634;
    private static final double LN_2 = 0.6931471805599453;

    private LogProbabilities() {
    }

    /** {@code log Σ exp(row[i])}; −∞ when every logit is −∞ (a fully masked row). */
    static double logSumExp(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : row) {
            max = Math.max(max, logit);
        }
        return logSumExp(row, max);
    }

    /** {@link #logSumExp(float[])} when the caller already knows the row's maximum (greedy's argmax). */
    static double logSumExp(float[] row, float max) {
        if (max == Float.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (float logit : row) {
            sum += expNonPositive(logit - max);
        }
        return max + Math.log(sum);
    }

    /** The log-probability of {@code token} given the row's log-sum-exp. */
    static double logProbability(float[] row, int token, double logSumExp) {
        return logSumExp == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : row[token] - logSumExp;
    }

    /**
     * {@code e^x} for {@code x ≤ 0} (0 below −87, far under any logit gap that matters): {@code 2^n · e^g}
     * with {@code n = round(x·log2 e)}, {@code |g| ≤ ln 2 / 2}, and {@code e^g} from its degree-7 Taylor
     * polynomial (truncation error {@code (ln 2 / 2)^8 / 8! ≈ 5e-9}). Double arithmetic: as fast as float
     * for scalar code, and the range reduction stays exact.
     */
    static double expNonPositive(float x) {
        if (!(x >= -87f)) {
            return 0;
        }
        double t = x * LOG2_E;
        long n = Math.round(t);
        double g = (t - n) * LN_2;
        double p = 1.0 / 5040;
        p = p * g + 1.0 / 720;
        p = p * g + 1.0 / 120;
        p = p * g + 1.0 / 24;
        p = p * g + 1.0 / 6;
        p = p * g + 0.5;
        p = p * g + 1;
        p = p * g + 1;
        return Double.longBitsToDouble((n + 1023) << 52) * p;
    }
}
