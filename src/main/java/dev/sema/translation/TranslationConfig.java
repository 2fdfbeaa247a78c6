package dev.sema.translation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Request limits of the translation endpoints; defaults in {@code META-INF/microprofile-config.properties}. */
@ApplicationScoped
public class TranslationConfig {

    private final int maxCharacters;
    private final int batchMaxTexts;
    private final int maxBeamSize;

    @Inject
    public TranslationConfig(@ConfigProperty(name = "sema.max-characters") int maxCharacters,
                             @ConfigProperty(name = "sema.batch-max-texts") int batchMaxTexts,
                             @ConfigProperty(name = "sema.max-beam-size") int maxBeamSize) {
        this.maxCharacters = maxCharacters;
        this.batchMaxTexts = batchMaxTexts;
        this.maxBeamSize = maxBeamSize;
    }

    /** For the CDI client proxy only. */
    protected TranslationConfig() {
        this(0, 0, 0);
    }

    /** Longest text, and longest batch in total, in Unicode code points after trimming. */
    public int maxCharacters() {
        return maxCharacters;
    }

    /** Most texts in one batch request. */
    public int batchMaxTexts() {
        return batchMaxTexts;
    }

    /** Largest {@code beam_size} a client may ask for. */
    public int maxBeamSize() {
        return maxBeamSize;
    }
}
