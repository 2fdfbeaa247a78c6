package dev.sema.translation;

import java.util.List;

/**
 * One translated client text.
 *
 * @param text             best translation, trimmed
 * @param alternatives     n-best alternatives, trimmed; empty unless requested
 * @param sourceLanguage   canonical code of the source, given or detected
 * @param sourceConfidence detector probability, null when the client named the source
 * @param characterCount   Unicode code points of the trimmed input
 * @param terms            required terms found in the text and contained in {@code text}; empty without any
 * @param scores           per segment, its best translation's mean token log-probability
 *                         ({@link TranslationOutput#scores}); empty where there are none (markup)
 * @param segments         the text's segments and where their translations lie in {@code text}, for aligning
 *                         words; empty unless {@link TranslationOptions#sourceStates()} asked for them
 */
public record Translation(String text, List<String> alternatives, String sourceLanguage, Double sourceConfidence,
                          int characterCount, List<Term> terms, List<Double> scores,
                          List<TranslatedSegment> segments) {

    public Translation {
        terms = List.copyOf(terms);
        scores = List.copyOf(scores);
        segments = List.copyOf(segments);
    }

    /** Without segments. */
    public Translation(String text, List<String> alternatives, String sourceLanguage, Double sourceConfidence,
                       int characterCount, List<Term> terms, List<Double> scores) {
        this(text, alternatives, sourceLanguage, sourceConfidence, characterCount, terms, scores, List.of());
    }

    /** Without terms or scores. */
    public Translation(String text, List<String> alternatives, String sourceLanguage, Double sourceConfidence,
                       int characterCount) {
        this(text, alternatives, sourceLanguage, sourceConfidence, characterCount, List.of(), List.of());
    }
}
