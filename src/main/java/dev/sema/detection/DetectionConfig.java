package dev.sema.detection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of language identification. Where the model comes from ({@code sema.lid-model}, or the Hub's
 * {@code sema.lid-repo}) is {@link dev.sema.models.ModelsConfig}'s business.
 *
 * <ul>
 *   <li>{@code sema.lid-min-confidence} (default 0.5): least probability of the best candidate for a detection
 *       to be {@code reliable}. Measured on FLORES dev with lid.176 (docs/language-identification.md): answers
 *       at or above 0.5 are right far more often than those below, which are closer to a coin toss; below it,
 *       callers should ask the user for the source language.</li>
 *   <li>{@code sema.lid-lowercase} (default true): lower-case text before prediction. On FLORES dev with
 *       lid.176 it gains 0.1 point of macro accuracy and it makes all-capitals text readable; re-measure with
 *       {@code scripts/bench-lid --accuracy} before turning it on for another model.</li>
 * </ul>
 */
@Dependent
public class DetectionConfig {

    private final double minConfidence;
    private final boolean lowercase;

    @Inject
    public DetectionConfig(@ConfigProperty(name = "sema.lid-min-confidence", defaultValue = "0.5") double minConfidence,
                           @ConfigProperty(name = "sema.lid-lowercase", defaultValue = "true") boolean lowercase) {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("sema.lid-min-confidence must be in [0, 1]: " + minConfidence);
        }
        this.minConfidence = minConfidence;
        this.lowercase = lowercase;
    }

    public double minConfidence() {
        return minConfidence;
    }

    public boolean lowercase() {
        return lowercase;
    }
}
