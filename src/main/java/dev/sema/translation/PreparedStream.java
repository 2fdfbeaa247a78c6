package dev.sema.translation;

/**
 * A text ready to be streamed: its languages resolved (the source given or detected) and its segments cut, so
 * that everything a client can get wrong has been refused before the first segment is decoded.
 *
 * @param text             the segments, in order
 * @param sourceLanguage   canonical source code
 * @param sourceConfidence the detector's probability, null when the client named the source
 * @param targetLanguage   canonical target code
 * @param options          beams (alternatives are not streamed)
 * @param characterCount   code points of the whole (trimmed) text
 */
public record PreparedStream(SegmentedText text, String sourceLanguage, Double sourceConfidence,
                             String targetLanguage, TranslationOptions options, int characterCount) {

    public int segmentCount() {
        return text.segments().size();
    }
}
