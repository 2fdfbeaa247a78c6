package dev.sema.api.error;

import dev.sema.api.dto.AdminModel;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The one error body, whatever produced the failure (exception mappers, request filters, the servlet filter in
 * front of JAX-RS): {@code {"detail", "error", "request_id", "errors": [{"field", "message"}]}} plus the fields
 * only some errors carry. Absent (null) fields are left out of the JSON.
 *
 * @param detail         human-readable explanation
 * @param error          machine-readable code, e.g. {@code empty_text}
 * @param requestId      same as the {@code X-Request-ID} response header
 * @param errors         one entry per refused request field (empty when the failure is not about a field)
 * @param suggestions    for unsupported languages: up to three codes the client may have meant
 * @param candidates     for undetermined languages: what the detector saw
 * @param maxCharacters  for texts over the limit: the limit, in code points
 * @param characterCount for texts over the limit: what the client sent, in code points
 * @param models         for {@code reload_failed}: the model slots, with the reason of each failure
 * @param period         for {@code quota_exceeded}: the quota period that is used up ({@code day}, {@code month})
 * @param characterLimit for {@code quota_exceeded}: that period's character quota
 */
@Schema(name = "ApiError", description = "The one error shape. Some errors add fields (suggestions, candidates,"
        + " max_characters, character_count).")
@JsonbPropertyOrder({"detail", "error", "requestId", "errors", "suggestions", "candidates", "maxCharacters",
        "characterCount", "models",
        "period", "characterLimit"})
public record ApiError(
        @Schema(required = true, description = "Human-readable explanation.") String detail,
        @Schema(required = true, description = "Machine-readable code.", example = "empty_text") String error,
        @Schema(required = true, description = "Same as the X-Request-ID response header.")
        @JsonbProperty("request_id") String requestId,
        @Schema(required = true) List<FieldError> errors,
        @Schema(description = "For unknown languages, up to three codes the client may have meant.")
        List<String> suggestions,
        @Schema(description = "For undetermined languages, what the detector saw.") List<Candidate> candidates,
        @Schema(description = "For texts over the limit: the limit, in code points.")
        @JsonbProperty("max_characters") Integer maxCharacters,
        @Schema(description = "For texts over the limit: the text's length, in code points.")
        @JsonbProperty("character_count") Integer characterCount,
        @Schema(description = "For reload_failed: the model slots with the reason of each failure.")
        List<AdminModel> models,
        @Schema(description = "For quota_exceeded: the quota period that is used up.") String period,
        @Schema(description = "For quota_exceeded: that period's character quota.")
        @JsonbProperty("character_limit") Long characterLimit) {

    /** One problem with one request field. */
    @Schema(name = "FieldError", description = "One problem with one request field.")
    public record FieldError(@Schema(example = "text") String field,
                             @Schema(example = "must not be blank") String message) {
    }

    /** A language the detector saw, with its probability. */
    @Schema(name = "DetectorCandidate", description = "A label the language detector saw, with its probability.")
    public record Candidate(String language, double confidence) {
    }

    public ApiError {
        errors = List.copyOf(errors);
    }

    /** An error about the request as a whole; the request id is filled in when it is rendered. */
    public static ApiError of(String error, String detail) {
        return new ApiError(detail, error, null, List.of(), null, null, null, null, null, null, null);
    }

    /** An error about one request field. */
    public static ApiError ofField(String error, String detail, String field, String message) {
        return of(error, detail).withErrors(List.of(new FieldError(field, message)));
    }

    public ApiError withErrors(List<FieldError> fieldErrors) {
        return new ApiError(detail, error, requestId, fieldErrors, suggestions, candidates, maxCharacters,
                characterCount, models, period, characterLimit);
    }

    public ApiError withRequestId(String id) {
        return new ApiError(detail, error, id, errors, suggestions, candidates, maxCharacters, characterCount,
                models, period, characterLimit);
    }

    public ApiError withSuggestions(List<String> codes) {
        return new ApiError(detail, error, requestId, errors, List.copyOf(codes), candidates, maxCharacters,
                characterCount, models, period, characterLimit);
    }

    public ApiError withCandidates(List<Candidate> seen) {
        return new ApiError(detail, error, requestId, errors, suggestions, List.copyOf(seen), maxCharacters,
                characterCount, models, period, characterLimit);
    }

    public ApiError withModels(List<AdminModel> slots) {
        return new ApiError(detail, error, requestId, errors, suggestions, candidates, maxCharacters, characterCount,
                List.copyOf(slots), period, characterLimit);
    }

    public ApiError withQuota(String usedUpPeriod, long limit) {
        return new ApiError(detail, error, requestId, errors, suggestions, candidates, maxCharacters, characterCount,
                models, usedUpPeriod, limit);
    }

    public ApiError withLength(int max, int count) {
        return new ApiError(detail, error, requestId, errors, suggestions, candidates, max, count, models, period,
                characterLimit);
    }
}
