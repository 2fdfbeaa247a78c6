package dev.sema.api.filter;

import dev.sema.accounts.ApiKey;
import dev.sema.accounts.KeyAdministration;
import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.documents.DocumentsConfig;
import dev.sema.signatures.MessageSignatures;
import dev.sema.signatures.SignatureRejectedException;
import dev.sema.signatures.SignedRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Requests of a key with {@code require_signature} (RFC 9421): the signature, made with the key's signing secret,
 * must cover the method, the target URI as the client addressed it (before {@link VersionPrefixFilter} routes an
 * unversioned path) and the Content-Digest, which must be the body's. The body is read here, within the largest
 * size any route accepts, and handed on unchanged. Refusals are 401 {@code invalid_signature},
 * {@code signature_expired} or {@code replayed_request}, with {@code Accept-Signature} saying what to send.
 */
@Provider
@Priority(FilterOrder.SIGNATURE)
public class SignatureFilter implements ContainerRequestFilter {

    /** Room for the multipart envelope around the largest document, as {@link RequestLimits} allows. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    // Field injection: the JAX-RS runtime creates providers (Liberty makes them CDI beans).
    @Inject
    MessageSignatures signatures;
    @Inject
    KeyAdministration keys;
    @Inject
    ApiConfig api;
    @Inject
    DocumentsConfig documents;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!(request.getProperty(Caller.PROPERTY) instanceof Caller caller) || caller.key() == null
                || !caller.key().settings().requireSignature()) {
            return;
        }
        ApiKey key = caller.key();
        byte[] body = body(request);
        SignedRequest signed = new SignedRequest(request.getMethod(), targetUri(), request.getHeaderString(
                "Signature-Input"), request.getHeaderString("Signature"), request.getHeaderString("Content-Digest"),
                body);
        try {
            signatures.verify(signed, key.id(), keys.signingSecret(key.id()).orElseThrow(() -> refused(
                    "invalid_signature", "This key has no signing secret on this server.", key)));
        } catch (SignatureRejectedException e) {
            throw refused(switch (e.reason()) {
                case INVALID -> "invalid_signature";
                case EXPIRED -> "signature_expired";
                case REPLAYED -> "replayed_request";
            }, e.getMessage(), key);
        }
    }

    /** The body, read whole (it is signed) and put back for the resource. */
    private byte[] body(ContainerRequestContext request) throws IOException {
        long limit = Math.min(Integer.MAX_VALUE - 1L, Math.max(api.maxBodyBytes(),
                documents.maxBytes() + MULTIPART_OVERHEAD));
        byte[] body = request.getEntityStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw new ApiException(413, "payload_too_large", "The request body exceeds " + limit + " bytes.");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    /** The URI the client sent the request to: its scheme and Host, the path before any routing, the query. */
    private String targetUri() {
        String query = servletRequest.getQueryString();
        return servletRequest.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private static ApiException refused(String code, String message, ApiKey key) {
        return new ApiException(401, ApiError.of(code, message), Map.of("Accept-Signature",
                "sig1=(\"@method\" \"@target-uri\" \"content-digest\");keyid=\"" + key.id()
                        + "\";alg=\"hmac-sha256\";created;nonce"));
    }
}
