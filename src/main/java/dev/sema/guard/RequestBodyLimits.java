package dev.sema.guard;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads every request body through {@link JsonBodyCheck} before the JSON-B provider sees it: at most
 * {@code sema.max-body-bytes} (default 64 KiB, 413) and nesting at most {@code sema.max-json-depth} deep
 * (default 32, 400 {@code malformed_json}). Buffering is fine at this size and lets the check throw its own
 * ApiException instead of one wrapped by the parser.
 */
@Provider
@Priority(Priorities.AUTHENTICATION) // outermost reader interceptor: nothing else reads an unchecked body
public class RequestBodyLimits implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "sema.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "sema.max-json-depth", defaultValue = "32")
    int maxJsonDepth;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = new JsonBodyCheck(maxBodyBytes, maxJsonDepth).read(context.getInputStream());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
