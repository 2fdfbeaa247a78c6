package dev.sema.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best finished hypotheses of one batch row, at most {@code numBeams} of them, and whether a running
 * beam could still beat them (HF {@code BeamHypotheses}). Knows nothing about models.
 */
final class BeamHypotheses {

    private final int numBeams;
    private final double lengthPenalty;
    private final EarlyStopping earlyStopping;
    private final int maxNewTokens;
    private final List<Hypothesis> kept = new ArrayList<>();

    BeamHypotheses(int numBeams, double lengthPenalty, EarlyStopping earlyStopping, int maxNewTokens) {
        this.numBeams = numBeams;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
        this.maxNewTokens = maxNewTokens;
    }

    /** Keeps {@code hypothesis} if there is room or it beats the worst kept one; −∞ scores are dropped. */
    void add(Hypothesis hypothesis) {
        if (hypothesis.score() == Double.NEGATIVE_INFINITY) {
            return;
        }
        if (kept.size() < numBeams || hypothesis.score() > worstScore()) {
            kept.add(hypothesis);
            if (kept.size() > numBeams) {
                kept.remove(kept.stream().min(Comparator.comparingDouble(Hypothesis::score)).orElseThrow());
            }
        }
    }

    /**
     * Whether no running beam can improve the kept set.
     *
     * @param bestRunningSum the highest summed log-probability among the running beams
     * @param runningLength  their length in generated tokens; finishing later only makes them longer
     */
    boolean isDone(double bestRunningSum, int runningLength) {
        if (kept.size() < numBeams) {
            return false;
        }
        return switch (earlyStopping) {
            case EAGER -> true;
            case HEURISTIC -> worstScore() >= Hypothesis.lengthNormalized(bestRunningSum, runningLength, lengthPenalty);
            // Sums only fall as tokens are added; with a positive penalty a longer output divides by more,
            // so the best attainable score is the current sum spread over the longest allowed length.
            case NEVER -> worstScore() >= Hypothesis.lengthNormalized(bestRunningSum,
                    lengthPenalty > 0 ? maxNewTokens : runningLength, lengthPenalty);
        };
    }

    /** The best {@code n} kept hypotheses, best first (earlier finished first on equal scores). */
    List<Hypothesis> best(int n) {
        return kept.stream().sorted(Comparator.comparingDouble(Hypothesis::score).reversed()).limit(n).toList();
    }

    private double worstScore() {
        return kept.stream().mapToDouble(Hypothesis::score).min().orElse(Double.NEGATIVE_INFINITY);
    }
}
