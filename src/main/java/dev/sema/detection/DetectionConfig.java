package dev.sema.detection;

import org.eclipse.microprofile.config.Config;

/**
 * Settings of language identification; defaults in {@code META-INF/microprofile-config.properties}. Where the
 * model comes from ({@code sema.lid-model}, or the Hub's {@code sema.lid-repo}) is
 * {@link dev.sema.models.ModelsConfig}'s business.
 *
 * <ul>
 *   <li>{@code sema.lid-min-confidence} (0.5): least probability of the best candidate for a detection
 *       to be {@code reliable}. Measured on FLORES dev with lid.176 (docs/language-identification.md): answers
 *       at or above 0.5 are right far more often than those below, which are closer to a coin toss; below it,
 *       callers should ask the user for the source language.</li>
 *   <li>{@code sema.lid-lowercase} (true): lower-case text before prediction. On FLORES dev with
 *       lid.176 it gains 0.1 point of macro accuracy and it makes all-capitals text readable; re-measure with
 *       {@code scripts/bench-lid --accuracy} before turning it on for another model.</li>
 * </ul>
 */
public record DetectionConfig(double minConfidence, boolean lowercase) {

    public DetectionConfig {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("sema.lid-min-confidence must be in [0, 1]: " + minConfidence);
        }
    }

    public static DetectionConfig from(Config config) {
        return new DetectionConfig(config.getValue("sema.lid-min-confidence", double.class),
                config.getValue("sema.lid-lowercase", boolean.class));
    }
}
