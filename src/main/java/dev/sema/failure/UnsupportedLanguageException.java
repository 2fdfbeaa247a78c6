package dev.sema.failure;

import java.util.List;

/**
 * A language the catalogue does not know.
 *
 * @param field       the input that named it ({@code source_language}, {@code target_language})
 * @param language    the value as the client gave it
 * @param suggestions up to three canonical codes the client may have meant, best first
 */
public final class UnsupportedLanguageException extends SemaException {

    private final String field;
    private final String language;
    private final List<String> suggestions;

    public UnsupportedLanguageException(String field, String language, List<String> suggestions) {
        super("Language '" + language + "' is not supported.");
        this.field = field;
        this.language = language;
        this.suggestions = List.copyOf(suggestions);
    }

    public String field() {
        return field;
    }

    public String language() {
        return language;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
