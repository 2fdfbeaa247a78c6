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
 *       to be {@code reliable}. On FLORES dev with lid.176, top-1 predictions at or above 0.5 are right far more
 *       often than those below (see docs/language-identification.md); below it, callers should ask the user.</li>
 *   <li>{@code sema.lid-lowercase} (default false): lower-case text before prediction. Measured on FLORES dev,
 *       see docs/language-identification.md.</li>
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
                           @ConfigProperty(name = "sema.lid-lowercase", defaultValue = "false") boolean lowercase) {
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
