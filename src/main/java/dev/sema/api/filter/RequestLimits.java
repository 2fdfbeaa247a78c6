package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Refuses oversized or non-JSON request bodies on every endpoint before routing, from the headers alone
 * (declared Content-Length against {@code sema.max-body-bytes}; Content-Type). Bodies without a
 * declared length (chunked) and nesting depth are checked while reading, by {@link RequestBodyLimits}.
 */
@Provider
@PreMatching
@Priority(FilterOrder.REQUEST_LIMITS)
public class RequestLimits implements ContainerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Inject
    ApiConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BODY_METHODS.contains(request.getMethod())) {
            return;
        }
        new JsonBodyCheck(config.maxBodyBytes(), Integer.MAX_VALUE).checkDeclaredLength(request.getLength());
        boolean emptyBody = request.getLength() == 0 || (request.getLength() < 0 && !request.hasEntity());
        if (!emptyBody) {
            JsonBodyCheck.checkJsonContentType(request.getHeaderString("Content-Type"));
        }
    }
}
