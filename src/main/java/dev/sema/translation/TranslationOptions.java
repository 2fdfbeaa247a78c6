package dev.sema.translation;

/**
 * Per-request generation options; zero means "server default".
 *
 * @param beamSize     beams (1 = greedy), 0 = configured default
 * @param alternatives n-best hypotheses to return besides the best one (≤ beam size), 0 = none
 * @param terms        terms the translations must contain, {@link TermBook#NONE} for none
 * @param background   work nobody waits for interactively (a document's parts): the decoder serves waiting
 *                     interactive segments first and fills what is left of each batch with these
 * @param sourceStates whether each output lists its segments with their encoder states
 *                     ({@link TranslationOutput#segments()}), for aligning words without encoding the sources
 *                     again; costs a copy of each decoded segment's states (d_model floats per token) until the
 *                     caller drops the output. No effect on the translations, their batches or the cache
 */
public record TranslationOptions(int beamSize, int alternatives, TermBook terms, boolean background,
                                 boolean sourceStates) {

    public static final TranslationOptions DEFAULT = new TranslationOptions(0, 0);
    /** A document's parts: default beams, decoded after interactive requests' segments. */
    public static final TranslationOptions BACKGROUND = new TranslationOptions(0, 0, TermBook.NONE, true);

    /** Without the segments' encoder states. */
    public TranslationOptions(int beamSize, int alternatives, TermBook terms, boolean background) {
        this(beamSize, alternatives, terms, background, false);
    }

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
        return new TranslationOptions(beamSize, alternatives, terms, background, sourceStates);
    }

    /** The same options, each output listing its segments with their encoder states. */
    public TranslationOptions withSourceStates() {
        return new TranslationOptions(beamSize, alternatives, terms, background, true);
    }
}
