package dev.sema.detection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of language identification.
 *
 * <ul>
 *   <li>{@code sema.lid-model} ({@code SEMA_LID_MODEL}): path of a fastText {@code .bin} or {@code .ftz}
 *       classifier (lid.176, lid218e, OpenLID); unset leaves detection NOT_CONFIGURED.</li>
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

    private final Optional<Path> model;
    private final double minConfidence;
    private final boolean lowercase;

    @Inject
    public DetectionConfig(@ConfigProperty(name = "sema.lid-model") Optional<String> model,
                           @ConfigProperty(name = "sema.lid-min-confidence", defaultValue = "0.5") double minConfidence,
                           @ConfigProperty(name = "sema.lid-lowercase", defaultValue = "true") boolean lowercase) {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("sema.lid-min-confidence must be in [0, 1]: " + minConfidence);
        }
        this.model = model.filter(s -> !s.isBlank()).map(Path::of);
        this.minConfidence = minConfidence;
        this.lowercase = lowercase;
    }

    public Optional<Path> model() {
        return model;
    }

    public double minConfidence() {
        return minConfidence;
    }

    public boolean lowercase() {
        return lowercase;
    }
}
