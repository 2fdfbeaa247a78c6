package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiException;
import dev.sema.guard.ClientResolver;
import dev.sema.idempotency.Claim;
import dev.sema.idempotency.IdempotencyRecords;
import dev.sema.idempotency.StoredAnswer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;

/**
 * Exactly-once answers for retries (IETF httpapi Idempotency-Key): a POST with an {@code Idempotency-Key} that
 * answered before gets that answer again, byte for byte, with {@code Idempotent-Replayed: true} and nothing
 * charged; the same key for another body is 422, the same request while the first still runs 409. Keys are the
 * caller's own (its API key or token subject, else its address), so no one reads another's answers.
 *
 * <p>The balancer stamps every request with {@code Sema-Balancer-Request-Id} and sends a replay of a request whose
 * replica died with the same id: for keyed requests from a trusted proxy without an Idempotency-Key, that id serves
 * as the key (kept for the shorter balancer retention). Whichever the key, a replay that finds its own first try's
 * claim (marked with the id) waits for the dead replica's claim to lapse instead of answering 409; a claim of another
 * request is 409 at once. Only successful answers are kept, sealed; anything else frees the key for another try.
 * {@link IdempotentAnswers} gives the verdict; a multipart upload's comes from its resource, once it has read the form.
 */
@Provider
@Idempotent
@Priority(FilterOrder.IDEMPOTENCY)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String BALANCER_HEADER = "Sema-Balancer-Request-Id";
    /** The draft's limit is the client's business; this bounds what a key costs to store. */
    private static final int MAX_KEY_LENGTH = 255;
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";

    @Inject
    IdempotencyRecords records;
    @Inject
    ClientResolver clients;
    @Inject
    ApiConfig config;
    @Inject
    IdempotentAnswers answers;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Caller caller = (Caller) request.getProperty(Caller.PROPERTY);
        String clientKey = clientKey(request.getHeaderString(HEADER));
        String balancerId = request.getHeaderString(BALANCER_HEADER);
        boolean fromBalancer = balancerId != null && clients.trusts(servletRequest.getRemoteAddr());
        boolean byBalancer = clientKey == null && fromBalancer && caller != null && caller.key() != null;
        if (clientKey == null && !byBalancer) {
            return;
        }
        String key = scope(caller, request) + (byBalancer ? ":lb:" + balancerId.strip() : ":" + clientKey);
        if (request.getMediaType() != null && request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            answers.defer(request, key, byBalancer, fromBalancer ? balancerId.strip() : null);
            return;
        }
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, config.maxBodyBytes());
        byte[] body = request.getEntityStream().readNBytes(limit + 1);
        if (body.length > limit) { // the body limit answers 413
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body),
                    request.getEntityStream()));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        answers.begin(key, byBalancer, fromBalancer ? balancerId.strip() : null,
                RequestFingerprint.of(request.getMethod(), request.getUriInfo().getPath(), body), request::setProperty)
                .ifPresent(request::abortWith);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(IdempotentAnswers.CLAIM) instanceof Claim claim) {
            if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL && response.hasEntity()) {
                request.setProperty(STATUS, response.getStatus());
            } else {
                request.removeProperty(IdempotentAnswers.CLAIM);
                records.abandon(claim);
            }
        }
    }

    /** Keeps the exact bytes sent, so a retry gets the same answer however it would be written today. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(IdempotentAnswers.CLAIM) instanceof Claim claim)) {
            context.proceed();
            return;
        }
        context.removeProperty(IdempotentAnswers.CLAIM);
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            records.abandon(claim);
            throw e;
        }
        byte[] body = buffer.toByteArray();
        byte[] sealed = IdempotentAnswers.sealed(body, (byte[]) context.getProperty(IdempotentAnswers.ANSWER_KEY));
        records.complete(claim, new StoredAnswer((Integer) context.getProperty(STATUS),
                context.getMediaType().toString(), sealed));
        context.setOutputStream(out);
        out.write(body);
    }

    /** @return the key without the quotes of the draft's structured-field string, or null if none was sent */
    private static String clientKey(String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiException(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters, e.g. a UUID.");
        }
        return key;
    }

    /** The caller as the access filter named it (key id, token subject, admin token), else its address. */
    private String scope(Caller caller, ContainerRequestContext request) {
        return caller != null && caller != Caller.ANONYMOUS ? "caller:" + caller.actor()
                : "ip:" + RequestAddress.of(clients, servletRequest, request);
    }
}
