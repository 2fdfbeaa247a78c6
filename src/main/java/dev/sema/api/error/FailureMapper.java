package dev.sema.api.error;

import dev.sema.api.RequestTrace;
import dev.sema.failure.DocumentRefusedException;
import dev.sema.failure.GlossaryNotFoundException;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.InvalidGlossaryException;
import dev.sema.failure.InvalidMarkupException;
import dev.sema.failure.LanguageNotInModelException;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.failure.OverloadedException;
import dev.sema.failure.SemaException;
import dev.sema.failure.UnknownRegionException;
import dev.sema.failure.UnsupportedLanguageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * The one place where domain failures get their HTTP form: status, wire {@code error} code, field errors and
 * Retry-After. Everything below {@code api} throws a {@link SemaException} and knows nothing of this.
 */
@Provider
@ApplicationScoped
public class FailureMapper implements ExceptionMapper<SemaException> {

    /** A first model load takes minutes (a download) or seconds (from the cache): look again soon. */
    static final int RETRY_AFTER_LOADING_S = 10;
    /** A model that is not configured or failed to load needs an operator; do not hammer the server. */
    static final int RETRY_AFTER_NOT_LOADED_S = 30;
    /** An inference slot typically frees within a second. */
    static final int RETRY_AFTER_BUSY_S = 1;
    /** A document job takes seconds to minutes: a place in the queue frees no sooner. */
    static final int RETRY_AFTER_DOCUMENTS_S = 30;

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(SemaException e) {
        return ErrorResponses.of(toApi(e), trace.requestId());
    }

    /** The status, body and headers of a domain failure. */
    public static ApiException toApi(SemaException failure) {
        if (failure instanceof UnsupportedLanguageException e) {
            return new ApiException(400, ApiError.ofField("unsupported_language", e.getMessage()
                            + " Use /api/v1/languages to list supported codes.", e.field(), "unsupported language")
                    .withSuggestions(e.suggestions()), Map.of());
        }
        if (failure instanceof LanguageNotInModelException e) {
            return new ApiException(400, ApiError.ofField("unsupported_language", e.getMessage(), e.field(),
                    "not supported by the loaded model"), Map.of());
        }
        if (failure instanceof LanguageUndeterminedException e) {
            boolean source = e.purpose() == LanguageUndeterminedException.Purpose.TRANSLATION_SOURCE;
            ApiError error = source
                    ? ApiError.ofField("source_language_undetermined", e.getMessage(), "source_language",
                    "required for this text")
                    : ApiError.ofField("language_undetermined", e.getMessage(), "text", "no supported language detected");
            return new ApiException(400, error.withCandidates(e.candidates().stream()
                    .map(c -> new ApiError.Candidate(c.language(), c.confidence())).toList()), Map.of());
        }
        if (failure instanceof InvalidMarkupException e) {
            return new ApiException(400, ApiError.ofField("invalid_markup", e.getMessage(), e.field(),
                    "line " + e.line() + ", column " + e.column()), Map.of());
        }
        if (failure instanceof InvalidGlossaryException e) {
            return new ApiException(400, ApiError.of("invalid_glossary", e.getMessage()).withErrors(e.problems().stream()
                    .map(problem -> new ApiError.FieldError(e.field(), problem)).toList()), Map.of());
        }
        if (failure instanceof GlossaryNotFoundException) {
            return new ApiException(404, "glossary_not_found", failure.getMessage());
        }
        if (failure instanceof UnknownRegionException) {
            return new ApiException(404, "unknown_region", failure.getMessage());
        }
        if (failure instanceof ModelUnavailableException e) {
            return e.loading() ? unavailable("model_loading", e, RETRY_AFTER_LOADING_S)
                    : unavailable("model_not_loaded", e, RETRY_AFTER_NOT_LOADED_S);
        }
        if (failure instanceof OverloadedException) {
            return unavailable("overloaded", failure, RETRY_AFTER_BUSY_S);
        }
        if (failure instanceof InferenceTimeoutException) {
            return unavailable("timeout", failure, RETRY_AFTER_BUSY_S);
        }
        if (failure instanceof DocumentRefusedException e) {
            return document(e);
        }
        throw new IllegalStateException("no HTTP form for " + failure.getClass().getName(), failure);
    }

    private static ApiException document(DocumentRefusedException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> new ApiException(413, "document_too_large", e.getMessage());
            case UNSUPPORTED_TYPE -> new ApiException(415, "unsupported_document_type", e.getMessage());
            case TOO_MANY_IN_FLIGHT -> new ApiException(429, ApiError.of("too_many_documents", e.getMessage()),
                    Map.of("Retry-After", Integer.toString(RETRY_AFTER_DOCUMENTS_S)));
            case QUEUE_FULL -> new ApiException(429, ApiError.of("document_queue_full", e.getMessage()),
                    Map.of("Retry-After", Integer.toString(RETRY_AFTER_DOCUMENTS_S)));
            case UNKNOWN -> new ApiException(404, "document_not_found", e.getMessage());
            case NOT_READY -> new ApiException(409, "document_not_ready", e.getMessage());
        };
    }

    private static ApiException unavailable(String code, SemaException failure, int retryAfterSeconds) {
        return new ApiException(503, ApiError.of(code, failure.getMessage()),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
