package dev.sema.api.error;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every failure as the one error shape:
 * {@code {"detail", "error", "request_id", "errors": [{"field", "message"}], ...extensions}}.
 */
public final class ErrorResponses {

    /** Yasson names the property it could not bind: "Unable to deserialize property 'beam_size' because of ...". */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    private ErrorResponses() {
    }

    public static Response of(ApiException e, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", e.detail());
        body.put("error", e.code());
        body.put("request_id", requestId);
        body.put("errors", e.errors());
        e.extensions().forEach(body::putIfAbsent);
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * The 400 for a request body JSON-B could not read, if {@code failure} (or a cause) is such a problem. The
     * parser's own message stays in the server log: it may echo client text.
     */
    public static Optional<ApiException> malformedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                Matcher property = PROPERTY.matcher(String.valueOf(t.getMessage()));
                List<ApiException.FieldError> errors = property.find()
                        ? List.of(new ApiException.FieldError(property.group(1), "wrong type or malformed value"))
                        : List.of();
                String detail = errors.isEmpty() ? "Request body is not valid JSON."
                        : "Field '" + errors.get(0).field() + "' has the wrong type or a malformed value.";
                return Optional.of(new ApiException(400, "malformed_json", detail, errors, Map.of(), Map.of()));
            }
        }
        return Optional.empty();
    }
}
