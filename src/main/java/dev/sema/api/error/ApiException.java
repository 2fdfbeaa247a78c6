package dev.sema.api.error;

import java.util.List;
import java.util.Map;

/**
 * Every failure a client can cause or observe, as status + machine code + human message. Thrown anywhere
 * below the resources; one exception mapper renders it as the single JSON error shape.
 */
public class ApiException extends RuntimeException {

    /** One problem with one request field. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of(), Map.of());
    }

    /**
     * @param extensions extra top-level body fields (e.g. {@code suggestions}, {@code candidates})
     * @param headers    extra response headers (e.g. {@code Retry-After})
     */
    public ApiException(int status, String code, String detail, List<FieldError> errors,
                        Map<String, Object> extensions, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    /**
     * 503 with {@code Retry-After}: a model not (yet) usable, or inference overloaded or timed out; clients should
     * retry after {@code retryAfterSeconds}.
     */
    public static ApiException unavailable(String code, String detail, int retryAfterSeconds) {
        return new ApiException(503, code, detail, List.of(), Map.of(),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
