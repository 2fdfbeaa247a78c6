package dev.sema.batching;

import java.util.List;

/**
 * A segment's translations and how sure the model was of the best one.
 *
 * @param nBest its translations, best first (at least one)
 * @param score the best translation's mean token log-probability ({@link dev.sema.generation.Hypothesis#meanLogProb}):
 *              0 when the model was certain of every token, lower the less it was
 */
public record DecodedSegment(List<String> nBest, double score) {

    public DecodedSegment {
        nBest = List.copyOf(nBest);
        if (nBest.isEmpty()) {
            throw new IllegalArgumentException("a decoded segment has at least one translation");
        }
    }

    /** The best translation. */
    public String best() {
        return nBest.get(0);
    }
}
