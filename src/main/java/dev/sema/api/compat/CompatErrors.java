package dev.sema.api.compat;

import dev.sema.api.error.ApiError;
import dev.sema.api.filter.FilterOrder;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Renders Sema's failures on a foreign surface as that surface's clients expect them ({@link Surface#status},
 * {@link Surface#body}), whichever filter or mapper failed, headers ({@code Retry-After}, rate-limit headers) kept.
 * It runs after {@code RequestMetricsFilter} has read the {@link ApiError} (response filters run in descending
 * priority), so {@code sema_errors_total} keeps Sema's own error codes on every surface.
 */
@Provider
@Priority(FilterOrder.METRICS - 10)
public class CompatErrors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ApiError error)) {
            return;
        }
        Optional<Surface> surface = Surface.of(request.getUriInfo().getPath());
        if (surface.isPresent()) {
            response.setStatus(surface.get().status(response.getStatus(), error));
            response.setEntity(surface.get().body(error));
        }
    }
}
