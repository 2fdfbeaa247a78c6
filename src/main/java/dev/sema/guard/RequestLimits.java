package dev.sema.guard;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses oversized, non-JSON or pathologically nested request bodies on every endpoint, before routing
 * (declared size, media type) and before parsing (counted size, nesting depth). Limits:
 * {@code sema.max-body-bytes} (default 64 KiB) and {@code sema.max-json-depth} (default 32).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100) // before any other filter spends work on the request
public class RequestLimits implements ContainerRequestFilter, ReaderInterceptor {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Inject
    @ConfigProperty(name = "sema.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "sema.max-json-depth", defaultValue = "32")
    int maxJsonDepth;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BODY_METHODS.contains(request.getMethod())) {
            return;
        }
        JsonBodyCheck check = check();
        check.checkDeclaredLength(request.getLength());
        boolean emptyBody = request.getLength() == 0 || (request.getLength() < 0 && !request.hasEntity());
        if (!emptyBody) {
            JsonBodyCheck.checkJsonContentType(request.getHeaderString("Content-Type"));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = check().read(context.getInputStream());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private JsonBodyCheck check() {
        return new JsonBodyCheck(maxBodyBytes, maxJsonDepth);
    }
}
