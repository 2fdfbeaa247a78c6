package dev.sema.failure;

/**
 * A catalogue language the loaded translation model has no language token for (a model exported for fewer
 * languages than NLLB-200's 202).
 */
public final class LanguageNotInModelException extends SemaException {

    private final String field;

    /** @param field the input that named the language ({@code source_language}, {@code target_language}) */
    public LanguageNotInModelException(String field, String code) {
        super("The loaded translation model has no language token for '" + code + "'.");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
