package dev.sema.observability;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts and times every JAX-RS request ({@code sema_requests_total}, {@code sema_request_duration_seconds}) and
 * counts every response with status 400 or above in {@code sema_errors_total}. Runs first (pre-matching) so the
 * clock includes the other filters, and labels by route template, never by raw path.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /**
     * Request property an exception mapper may set to the machine error code (e.g. {@code rate_limited}); when
     * absent the error type is derived from the status.
     */
    public static final String ERROR_TYPE = RequestMetricsFilter.class.getName() + ".errorType";
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
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        String endpoint = method == null ? "unmatched" : endpointOf(resourceInfo.getResourceClass(), method);
        int status = response.getStatus();
        metrics.recordRequest(request.getMethod(), endpoint, status, Duration.ofNanos(System.nanoTime() - started));
        if (status >= 400) {
            Object code = request.getProperty(ERROR_TYPE);
            metrics.recordError(code instanceof String s ? s : errorType(status), endpoint);
        }
    }

    /**
     * The route template of a resource method, e.g. {@code /api/v1/languages/{code}}: class and method
     * {@code @Path}s joined, regular expressions in parameters dropped ({@code {code: [a-z]+}} → {@code {code}}).
     */
    public static String endpointOf(Class<?> resourceClass, Method method) {
        StringBuilder template = new StringBuilder();
        Path classPath = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        for (Path path : new Path[]{classPath, methodPath}) {
            if (path != null) {
                template.append('/').append(path.value());
            }
        }
        String normalised = template.toString()
                .replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.isEmpty() ? "/" : normalised;
    }

    /** A bounded slug for a status: the JAX-RS reason phrase ({@code not_found}) or {@code http_422}. */
    static String errorType(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "http_" + status : known.name().toLowerCase(Locale.ROOT);
    }
}
