package dev.sema.api.error;

import dev.sema.api.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The JAX-RS runtime's own failures (no route, wrong method, wrong media type, unreadable body) as JSON. */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(WebApplicationException e) {
        ApiException api = ErrorResponses.malformedBody(e).orElseGet(() -> translate(e.getResponse()));
        return ErrorResponses.of(api, trace.requestId());
    }

    private static ApiException translate(Response original) {
        int status = original.getStatus();
        return switch (status) {
            case 400 -> new ApiException(400, "bad_request", "The request is malformed.");
            case 404 -> new ApiException(404, "not_found", "Not Found. See /openapi for the available routes.");
            case 405 -> new ApiException(405, ApiError.of("method_not_allowed", "Method Not Allowed."),
                    allowHeader(original));
            case 406 -> new ApiException(406, "not_acceptable", "Only application/json responses are produced.");
            case 415 -> new ApiException(415, "unsupported_media_type",
                    "Send the request body as application/json.");
            default -> new ApiException(status, status >= 500 ? "internal_error" : "request_failed",
                    status >= 500 ? "Internal server error." : String.valueOf(original.getStatusInfo().getReasonPhrase()));
        };
    }

    private static Map<String, String> allowHeader(Response original) {
        String allow = original.getHeaderString("Allow");
        return allow == null ? Map.of() : Map.of("Allow", allow);
    }
}
