package dev.sema.failure;


/**
 * Every failure the domain reports to a client, with no HTTP in it: the edge ({@code api.error.FailureMapper})
 * gives each kind its status, wire code and Retry-After in one place. The family is sealed so that a new kind
 * is a deliberate decision at the edge too ({@code FailureMapperTest} maps every permitted subclass).
 *
 * <p>Messages are for people and may be shown to the client; they never contain input text beyond the short
 * value that was refused.
 */
public abstract sealed class SemaException extends RuntimeException
        permits UnsupportedLanguageException, LanguageNotInModelException, LanguageUndeterminedException,
        UnknownRegionException, ModelUnavailableException, OverloadedException, InferenceTimeoutException,
        InvalidMarkupException, DocumentRefusedException, InvalidGlossaryException, GlossaryNotFoundException {

    protected SemaException(String message) {
        super(message);
    }
}
