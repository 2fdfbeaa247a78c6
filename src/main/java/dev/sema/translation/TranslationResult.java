package dev.sema.translation;

import java.util.List;

/**
 * The outcome of one translate call (a single text or a batch).
 *
 * @param translations     in request order
 * @param targetLanguage   canonical target code
 * @param inferenceSeconds time spent validating, detecting and translating, in seconds
 */
public record TranslationResult(List<Translation> translations, String targetLanguage, double inferenceSeconds) {

    public int characterCount() {
        return translations.stream().mapToInt(Translation::characterCount).sum();
    }
}
