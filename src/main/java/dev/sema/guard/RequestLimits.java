package dev.sema.guard;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Refuses oversized or non-JSON request bodies on every endpoint before routing, from the headers alone
 * (declared Content-Length against {@code sema.max-body-bytes}, default 64 KiB; Content-Type). Bodies without a
 * declared length (chunked) and nesting depth are checked while reading, by {@link RequestBodyLimits}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100) // before any other filter spends work on the request
public class RequestLimits implements ContainerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Inject
    @ConfigProperty(name = "sema.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BODY_METHODS.contains(request.getMethod())) {
            return;
        }
        new JsonBodyCheck(maxBodyBytes, Integer.MAX_VALUE).checkDeclaredLength(request.getLength());
        boolean emptyBody = request.getLength() == 0 || (request.getLength() < 0 && !request.hasEntity());
        if (!emptyBody) {
            JsonBodyCheck.checkJsonContentType(request.getHeaderString("Content-Type"));
        }
    }
}
