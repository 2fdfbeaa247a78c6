package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiException;
import dev.sema.documents.DocumentsConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;
import java.util.regex.Pattern;

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

    /** A document upload: multipart, bounded by {@code sema.document-max-bytes} instead of the JSON limits. */
    private static final Pattern DOCUMENT_UPLOAD = Pattern.compile("/?api/v1/documents/?");
    /** Room for the multipart envelope and the form's other fields around a file of the largest size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    ApiConfig config;
    @Inject
    DocumentsConfig documents;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BODY_METHODS.contains(request.getMethod())) {
            return;
        }
        if (DOCUMENT_UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
            if (request.getLength() > documents.maxBytes() + MULTIPART_OVERHEAD) {
                throw new ApiException(413, "document_too_large", "The upload has " + request.getLength()
                        + " bytes; a document may have at most " + documents.maxBytes() + ".");
            }
            return; // its media type is the resource's @Consumes business, its size the resource's
        }
        new JsonBodyCheck(config.maxBodyBytes(), Integer.MAX_VALUE).checkDeclaredLength(request.getLength());
        boolean emptyBody = request.getLength() == 0 || (request.getLength() < 0 && !request.hasEntity());
        if (!emptyBody) {
            JsonBodyCheck.checkJsonContentType(request.getHeaderString("Content-Type"));
        }
    }
}
