package dev.sema.translation;

/**
 * Per-request generation options; zero means "server default".
 *
 * @param beamSize     beams (1 = greedy), 0 = configured default
 * @param alternatives n-best hypotheses to return besides the best one (≤ beam size), 0 = none
 * @param terms        terms the translations must contain, {@link TermBook#NONE} for none
 */
public record TranslationOptions(int beamSize, int alternatives, TermBook terms) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(0, 0);

    /** Without terminology. */
    public TranslationOptions(int beamSize, int alternatives) {
        this(beamSize, alternatives, TermBook.NONE);
    }
}
