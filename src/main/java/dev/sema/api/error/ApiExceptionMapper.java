package dev.sema.api.error;

import dev.sema.api.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
@ApplicationScoped
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.of(e, trace.requestId());
    }
}
