package dev.sema.api.error;

import java.util.Map;

/**
 * A failure the edge itself decides (request validation, authentication, CORS, rate limits, the JAX-RS runtime's
 * refusals), or a domain failure already mapped by {@link FailureMapper}: a status, the {@link ApiError} body and
 * extra headers. {@link ErrorResponses} renders it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String detail) {
        this(status, ApiError.of(code, detail), Map.of());
    }

    /** @param headers extra response headers (e.g. {@code Retry-After}, {@code Allow}) */
    public ApiException(int status, ApiError error, Map<String, String> headers) {
        super(error.detail());
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return error.error();
    }

    public String detail() {
        return error.detail();
    }

    /** The body, still without the request id. */
    public ApiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
