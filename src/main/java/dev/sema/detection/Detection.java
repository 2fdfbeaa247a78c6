package dev.sema.detection;

import java.util.List;

/**
 * Result of language identification.
 *
 * @param candidates best first; FLORES-200 codes with probabilities in [0, 1]; empty if no candidate maps
 *                   to a supported language
 * @param reliable   whether the best candidate reaches the configured confidence threshold
 * @param rawLabels  the model's own top labels and probabilities (before mapping), for error messages
 */
public record Detection(List<Candidate> candidates, boolean reliable, List<Candidate> rawLabels) {

    /** One language and the model's probability for it. */
    public record Candidate(String language, double confidence) {
    }

    public Candidate best() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
