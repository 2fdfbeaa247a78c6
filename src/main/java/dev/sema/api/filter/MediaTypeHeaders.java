package dev.sema.api.filter;

import dev.sema.api.RequestTrace;
import dev.sema.api.error.ApiError;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

/**
 * Refuses requests whose {@code Content-Type} or {@code Accept} is not a parsable media type, with the API's JSON
 * 400 {@code malformed_header}. Without it the JAX-RS runtime fails on such a header before any filter or
 * exception mapper runs, and the servlet container answers with an HTML error page.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MediaTypeHeaders extends HttpFilter {

    /** Thread-safe; created once because creating one scans for providers. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    RequestTrace trace;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> bad = unparsable(request, "Content-Type").or(() -> unparsable(request, "Accept"));
        if (bad.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        trace.begin(request.getHeader("X-Request-ID"));
        ApiError error = ApiError.ofField("malformed_header", "The " + bad.get() + " header is not a valid media type.",
                bad.get(), "not a valid media type").withRequestId(trace.requestId());
        byte[] body = JSONB.toJson(error).getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.setContentType("application/json");
        response.setHeader("X-Request-ID", trace.requestId());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The header's name if any of its values (Accept: each comma-separated range) fails to parse. */
    private static Optional<String> unparsable(HttpServletRequest request, String header) {
        for (String value : Collections.list(request.getHeaders(header))) {
            String[] parts = header.equals("Accept") ? value.split(",") : new String[]{value};
            for (String part : parts) {
                if (part.isBlank()) {
                    if (header.equals("Content-Type")) {
                        return Optional.of(header); // an empty media type, which the runtime cannot parse either
                    }
                    continue;
                }
                try {
                    MediaType.valueOf(part.trim());
                } catch (IllegalArgumentException e) {
                    return Optional.of(header);
                }
            }
        }
        return Optional.empty();
    }
}
