package dev.sema.api.filter;

import dev.sema.api.RequestTrace;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request an id before anything can fail (so error bodies carry it too) and echoes it as
 * {@code X-Request-ID} on every response, with {@code X-Content-Type-Options: nosniff}.
 */
@Provider
@PreMatching
@Priority(FilterOrder.REQUEST_ID)
@ApplicationScoped
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-ID";

    @Inject
    RequestTrace trace;

    @Override
    public void filter(ContainerRequestContext request) {
        trace.begin(request.getHeaderString(HEADER));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, trace.requestId());
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
