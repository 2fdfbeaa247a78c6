package dev.sema.api.filter;

import dev.sema.api.error.ApiError;
import dev.sema.observability.SemaMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts and times every JAX-RS request ({@code sema_requests_total}, {@code sema_request_duration_seconds}) and
 * counts every response with status 400 or above in {@code sema_errors_total} under its error code. Runs first
 * (pre-matching) so the clock includes the other filters, and labels by route template, never by raw path.
 */
@Provider
@PreMatching
@Priority(FilterOrder.METRICS)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

    @Inject
    SemaMetrics metrics;
    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return; // the request never passed our request filter (e.g. rejected by the container itself)
        }
        String endpoint = RouteTemplates.of(resourceInfo);
        int status = response.getStatus();
        metrics.recordRequest(request.getMethod(), endpoint, status, Duration.ofNanos(System.nanoTime() - started));
        if (status >= 400) {
            metrics.recordError(errorType(response.getEntity(), status), endpoint);
        }
    }

    /**
     * The machine code of the one error shape ({@code rate_limited}, {@code malformed_json}, ...): every failure,
     * whichever mapper or filter produced it, is rendered as an {@link ApiError}, so reading it here covers them
     * all. Anything else falls back to the status.
     */
    static String errorType(Object entity, int status) {
        return entity instanceof ApiError body && body.error() != null ? body.error() : errorType(status);
    }

    /** A bounded slug for a status: the JAX-RS reason phrase ({@code not_found}) or {@code http_422}. */
    static String errorType(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "http_" + status : known.name().toLowerCase(Locale.ROOT);
    }
}
