package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads every request body through {@link JsonBodyCheck} before the JSON-B provider sees it: at most
 * {@code sema.max-body-bytes} (413) and nesting at most {@code sema.max-json-depth} deep
 * (400 {@code malformed_json}). Buffering is fine at this size and lets the check throw its own
 * ApiException instead of one wrapped by the parser. {@link JsonShape} then checks the body against its DTO.
 * An empty body is malformed JSON, except for a parameter documented as optional
 * ({@code @RequestBody(required = false)}), which then binds to null.
 */
@Provider
@Priority(FilterOrder.BODY_LIMITS)
public class RequestBodyLimits implements ReaderInterceptor {

    @Inject
    ApiConfig config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && !type.isWildcardType() && !type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
            // a document upload and its parts: RequestLimits lets nothing but JSON through to any other route
            return context.proceed();
        }
        byte[] body;
        try {
            body = new JsonBodyCheck(config.maxBodyBytes(), config.maxJsonDepth()).read(context.getInputStream());
        } catch (IOException e) {
            // e.g. Liberty's HTTP channel failing to inflate a body sent with a false Content-Encoding: gzip
            throw new ApiException(400, "unreadable_body", "The request body could not be read; check its"
                    + " Content-Encoding and Content-Length.");
        }
        if (body.length == 0 && optional(context.getAnnotations())) {
            return null; // the resource's default
        }
        byte[] bound = JsonShape.conform(body, context.getType()).orElse(body);
        if (bound != body) {
            context.setMediaType(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        context.setInputStream(new ByteArrayInputStream(bound));
        return context.proceed();
    }

    private static boolean optional(Annotation[] parameter) {
        return Arrays.stream(parameter).anyMatch(a -> a instanceof RequestBody body && !body.required());
    }
}
