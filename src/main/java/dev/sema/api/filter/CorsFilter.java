package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import dev.sema.api.RequestTrace;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for browser clients: origins from {@code sema.cors-origins} ({@code *} = any). Preflights are answered
 * here, before routing; actual responses get the allow/expose headers so scripts can read the request id,
 * timing and rate-limit headers.
 */
@Provider
@PreMatching
@Priority(FilterOrder.CORS)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String DEFAULT_ALLOW_HEADERS = "Content-Type, Accept, X-Request-ID";
    static final String EXPOSE_HEADERS = "X-Request-ID, X-Response-Time, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy";
    static final String MAX_AGE_SECONDS = "600";

    @Inject
    ApiConfig config;
    @Inject
    RequestTrace trace;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (!preflight) {
            return;
        }
        if (!allowed(origin)) {
            request.abortWith(ErrorResponses.of(new ApiException(403, "cors_origin_not_allowed",
                    "Origin " + origin + " is not allowed."), trace.requestId()));
            return;
        }
        String requestedHeaders = request.getHeaderString("Access-Control-Request-Headers");
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                .header("Access-Control-Allow-Headers", requestedHeaders != null ? requestedHeaders : DEFAULT_ALLOW_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean any = config.corsOrigins().contains("*");
        headers.putSingle("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            headers.add("Vary", "Origin");
        }
        headers.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    private boolean allowed(String origin) {
        return config.corsOrigins().contains("*") || config.corsOrigins().contains(origin);
    }
}
