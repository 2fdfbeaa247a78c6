package dev.sema.translation;

import java.util.List;

/**
 * One translated text.
 *
 * @param text         the best translation, trimmed
 * @param alternatives further n-best translations, best first (empty unless requested)
 * @param terms        the required terms found in the text whose target term {@code text} contains, in text
 *                     order, one per occurrence; empty without terminology
 * @param scores       per segment of the text, in order: the mean token log-probability of its best translation
 *                     ({@link dev.sema.generation.Hypothesis#meanLogProb}), 0 for a segment copied unchanged (no
 *                     letters, nothing generated); empty where the engine had none to give
 * @param segments     where each translated segment lies in the text and in {@code text}, with its source's
 *                     encoder states where they were computed; empty unless
 *                     {@link TranslationOptions#sourceStates()} asked for them
 */
public record TranslationOutput(String text, List<String> alternatives, List<Term> terms, List<Double> scores,
                                List<TranslatedSegment> segments) {

    public TranslationOutput {
        alternatives = List.copyOf(alternatives);
        terms = List.copyOf(terms);
        scores = List.copyOf(scores);
        segments = List.copyOf(segments);
    }

    /** Without segments. */
    public TranslationOutput(String text, List<String> alternatives, List<Term> terms, List<Double> scores) {
        this(text, alternatives, terms, scores, List.of());
    }

    /** Without terminology or scores. */
    public TranslationOutput(String text, List<String> alternatives) {
        this(text, alternatives, List.of(), List.of());
    }
}
