package dev.sema.translation;

/**
 * Per-request generation options; zero means "server default".
 *
 * @param beamSize     beams (1 = greedy), 0 = configured default
 * @param alternatives n-best hypotheses to return besides the best one (≤ beam size), 0 = none
 * @param terms        terms the translations must contain, {@link TermBook#NONE} for none
 * @param background   work nobody waits for interactively (a document's parts): the decoder serves waiting
 *                     interactive segments first and fills what is left of each batch with these
 */
public record TranslationOptions(int beamSize, int alternatives, TermBook terms, boolean background) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(0, 0);
    /** A document's parts: default beams, decoded after interactive requests' segments. */
    public static final TranslationOptions BACKGROUND = new TranslationOptions(0, 0, TermBook.NONE, true);

    /** An interactive request's options, without terminology. */
    public TranslationOptions(int beamSize, int alternatives) {
        this(beamSize, alternatives, TermBook.NONE);
    }

    /** An interactive request's options. */
    public TranslationOptions(int beamSize, int alternatives, TermBook terms) {
        this(beamSize, alternatives, terms, false);
    }

    /** The same options with {@code terms} required (and nothing else changed, background work staying so). */
    public TranslationOptions withTerms(TermBook terms) {
        return new TranslationOptions(beamSize, alternatives, terms, background);
    }
}
