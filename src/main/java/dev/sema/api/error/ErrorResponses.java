package dev.sema.api.error;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every failure as the one error shape, {@link ApiError}, with the request id filled in.
 */
public final class ErrorResponses {

    /** Yasson names the property it could not bind: "Unable to deserialize property 'beam_size' because of ...". */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    private ErrorResponses() {
    }

    public static Response of(ApiException e, String requestId) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(e.error().withRequestId(requestId));
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
                return Optional.of(property.find() ? malformedField(property.group(1))
                        : new ApiException(400, "malformed_json", "Request body is not valid JSON."));
            }
        }
        return Optional.empty();
    }

    /** 400 {@code malformed_json} naming the field whose JSON value has the wrong type. */
    public static ApiException malformedField(String field) {
        return new ApiException(400, ApiError.ofField("malformed_json", "Field '" + field
                + "' has the wrong type or a malformed value.", field, "wrong type or malformed value"), Map.of());
    }
}
