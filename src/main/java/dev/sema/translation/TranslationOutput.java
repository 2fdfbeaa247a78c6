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
 */
public record TranslationOutput(String text, List<String> alternatives, List<Term> terms, List<Double> scores) {

    public TranslationOutput {
        alternatives = List.copyOf(alternatives);
        terms = List.copyOf(terms);
        scores = List.copyOf(scores);
    }

    /** Without terminology or scores. */
    public TranslationOutput(String text, List<String> alternatives) {
        this(text, alternatives, List.of(), List.of());
    }
}
