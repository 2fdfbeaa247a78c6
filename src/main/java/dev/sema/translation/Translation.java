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
 */
public record Translation(String text, List<String> alternatives, String sourceLanguage, Double sourceConfidence,
                          int characterCount, List<Term> terms, List<Double> scores) {

    public Translation {
        terms = List.copyOf(terms);
        scores = List.copyOf(scores);
    }

    /** Without terms or scores. */
    public Translation(String text, List<String> alternatives, String sourceLanguage, Double sourceConfidence,
                       int characterCount) {
        this(text, alternatives, sourceLanguage, sourceConfidence, characterCount, List.of(), List.of());
    }
}
