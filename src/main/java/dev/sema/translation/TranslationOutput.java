package dev.sema.translation;

import java.util.List;

/**
 * One translated text.
 *
 * @param text         the best translation, trimmed
 * @param alternatives further n-best translations, best first (empty unless requested)
 * @param terms        the required terms found in the text whose target term {@code text} contains, in text
 *                     order, one per occurrence; empty without terminology
 */
public record TranslationOutput(String text, List<String> alternatives, List<Term> terms) {

    public TranslationOutput {
        alternatives = List.copyOf(alternatives);
        terms = List.copyOf(terms);
    }

    /** Without terminology. */
    public TranslationOutput(String text, List<String> alternatives) {
        this(text, alternatives, List.of());
    }
}
