package dev.sema.translation;

import java.util.List;

/**
 * One translated text.
 *
 * @param text         the best translation, trimmed
 * @param alternatives further n-best translations, best first (empty unless requested)
 */
public record TranslationOutput(String text, List<String> alternatives) {
}
