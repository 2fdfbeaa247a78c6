package dev.sema.api.filter;

import dev.sema.api.RequestTrace;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * One access-log line per request (JSON on the console through Liberty's JSON logging): request id, method,
 * route template (never the concrete path, which may hold client input), status, duration and character
 * count; never the text. Also sets {@code X-Response-Time}.
 */
@Provider
@Priority(FilterOrder.ACCESS_LOG)
@ApplicationScoped
public class AccessLogFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("dev.sema.access");

    @Inject
    RequestTrace trace;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        double seconds = trace.elapsedSeconds();
        response.getHeaders().putSingle("X-Response-Time", String.format(Locale.ROOT, "%.3fs", seconds));
        LOG.info(() -> String.format(Locale.ROOT,
                "access request_id=%s method=%s route=%s status=%d duration_ms=%.1f characters=%s",
                trace.requestId(), request.getMethod(), RouteTemplates.of(resource), response.getStatus(),
                seconds * 1000,
                trace.characters() == null ? "-" : trace.characters()));
    }
}
