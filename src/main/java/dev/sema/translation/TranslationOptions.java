package dev.sema.translation;

/**
 * Per-request generation options; zero means "server default".
 *
 * @param beamSize     beams (1 = greedy), 0 = configured default
 * @param alternatives n-best hypotheses to return besides the best one (≤ beam size), 0 = none
 */
public record TranslationOptions(int beamSize, int alternatives) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(0, 0);
}
