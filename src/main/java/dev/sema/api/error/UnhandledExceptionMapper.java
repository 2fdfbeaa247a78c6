package dev.sema.api.error;

import dev.sema.api.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last line of defence: unreadable JSON bodies (which JSON-B reports as a ProcessingException or
 * JsonbException) become 400; anything else becomes a 500 without details. The stack trace goes to the log,
 * tagged with the request id, never to the client.
 */
@Provider
@ApplicationScoped
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(Throwable e) {
        ApiException api = ErrorResponses.malformedBody(e).orElseGet(() -> {
            LOG.log(Level.SEVERE, "request " + trace.requestId() + " failed", e);
            return new ApiException(500, "internal_error", "Internal server error.");
        });
        return ErrorResponses.of(api, trace.requestId());
    }
}
