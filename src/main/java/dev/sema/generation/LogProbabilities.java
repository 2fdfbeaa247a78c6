package dev.sema.generation;

/** Log-softmax pieces, computed in double so that 256k-wide rows do not lose precision. */
final class LogProbabilities {

    private LogProbabilities() {
    }

    /** {@code log Σ exp(row[i])}; −∞ when every logit is −∞ (a fully masked row). */
    static double logSumExp(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : row) {
            max = Math.max(max, logit);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (float logit : row) {
            sum += Math.exp(logit - max);
        }
        return max + Math.log(sum);
    }

    /** The log-probability of {@code token} given the row's log-sum-exp. */
    static double logProbability(float[] row, int token, double logSumExp) {
        return logSumExp == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : row[token] - logSumExp;
    }
}
