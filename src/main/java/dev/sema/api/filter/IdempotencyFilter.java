package dev.sema.api.filter;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiException;
import dev.sema.documents.DocumentCipher;
import dev.sema.documents.DocumentsConfig;
import dev.sema.guard.ClientResolver;
import dev.sema.idempotency.Claim;
import dev.sema.idempotency.IdempotencyRecords;
import dev.sema.idempotency.StoredAnswer;
import dev.sema.idempotency.Verdict;
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
import java.time.Duration;

/**
 * Exactly-once answers for retries (IETF httpapi Idempotency-Key): a POST with an {@code Idempotency-Key} that
 * answered before gets that answer again, byte for byte, with {@code Idempotent-Replayed: true} and nothing
 * charged; the same key for another body is 422, the same request while the first still runs 409. Keys are the
 * caller's own (its API key or token subject, else its address), so no one reads another's answers.
 *
 * <p>The balancer stamps every request with {@code Sema-Balancer-Request-Id} and sends a replay of a request whose
 * replica died with the same id: for keyed requests from a trusted proxy, that id serves as the key (kept for the
 * shorter balancer retention), and the replay waits for the dead replica's claim to lapse instead of answering 409.
 * Only successful answers are kept; anything else frees the key for another try. They are kept sealed under a key
 * derived from the request's body ({@link RequestFingerprint}), which only a retry brings back: a document upload's
 * answer holds the document's key, and a copy of the store must not open the document.
 */
@Provider
@Idempotent
@Priority(FilterOrder.IDEMPOTENCY)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String BALANCER_HEADER = "Sema-Balancer-Request-Id";
    /** The draft's limit is the client's business; this bounds what a key costs to store. */
    private static final int MAX_KEY_LENGTH = 255;
    /** How long past a lease a balancer replay waits for a dead replica's claim to lapse. */
    private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(1);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";
    private static final String ANSWER_KEY = IdempotencyFilter.class.getName() + ".answerKey";
    /** What the sealed answers are bound to, so no other sealed bytes pass for one. */
    private static final String SEALED_ANSWER = "idempotent-answer";

    @Inject
    IdempotencyRecords records;
    @Inject
    ClientResolver clients;
    @Inject
    ApiConfig config;
    @Inject
    DocumentsConfig documents;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Caller caller = (Caller) request.getProperty(Caller.PROPERTY);
        String clientKey = clientKey(request.getHeaderString(HEADER));
        String balancerId = request.getHeaderString(BALANCER_HEADER);
        boolean byBalancer = clientKey == null && balancerId != null && caller != null && caller.key() != null
                && clients.trusts(servletRequest.getRemoteAddr());
        if (clientKey == null && !byBalancer) {
            return;
        }
        String boundary = multipartBoundary(request.getMediaType());
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, boundary == null ? config.maxBodyBytes()
                : RequestLimits.documentUploadLimit(documents));
        byte[] body = request.getEntityStream().readNBytes(limit + 1);
        if (body.length > limit) { // the body limit answers 413 (a document's, 413 document_too_large)
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body),
                    request.getEntityStream()));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String key = scope(caller, request) + (byBalancer ? ":lb:" + balancerId.strip() : ":" + clientKey);
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), request.getUriInfo().getPath(),
                body, boundary);
        Verdict verdict;
        try {
            verdict = byBalancer
                    ? records.await(key, fingerprint.digest(), records.config().balancerRetention(), REPLAY_PATIENCE)
                    : records.begin(key, fingerprint.digest(), records.config().retention());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "The server is stopping; retry.");
        }
        if (verdict instanceof Verdict.Proceed proceed) {
            request.setProperty(CLAIM, proceed.claim());
            request.setProperty(ANSWER_KEY, fingerprint.answerKey());
        } else if (verdict instanceof Verdict.Replay replay) {
            request.abortWith(Response.status(replay.answer().status()).type(replay.answer().contentType())
                    .entity(opened(replay.answer().body(), fingerprint.answerKey()))
                    .header("Idempotent-Replayed", "true").build());
        } else if (verdict instanceof Verdict.Busy) {
            throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still"
                    + " running; retry once it has answered.");
        } else {
            throw new ApiException(422, "idempotency_key_reused", "This Idempotency-Key was used for a different"
                    + " request; use a new key for a new request.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CLAIM) instanceof Claim claim) {
            if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL && response.hasEntity()) {
                request.setProperty(STATUS, response.getStatus());
            } else {
                request.removeProperty(CLAIM);
                records.abandon(claim);
            }
        }
    }

    /** Keeps the exact bytes sent, so a retry gets the same answer however it would be written today. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claim claim)) {
            context.proceed();
            return;
        }
        context.removeProperty(CLAIM);
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
        byte[] sealed = DocumentCipher.seal((byte[]) context.getProperty(ANSWER_KEY), body, SEALED_ANSWER);
        records.complete(claim, new StoredAnswer((Integer) context.getProperty(STATUS),
                context.getMediaType().toString(), sealed));
        context.setOutputStream(out);
        out.write(body);
    }

    /** The boundary of a multipart body, whose parts are fingerprinted without it; null for any other body. */
    private static String multipartBoundary(MediaType type) {
        return type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                ? type.getParameters().get("boundary") : null;
    }

    /**
     * A stored answer opened with the retry's key. One that does not open was kept by a replica from before answers
     * were sealed (a rolling upgrade): its fingerprint matched, so it is this request's answer as it was written.
     */
    private static byte[] opened(byte[] stored, byte[] answerKey) {
        try {
            return DocumentCipher.open(answerKey, stored, SEALED_ANSWER);
        } catch (DocumentCipher.WrongKeyException e) {
            return stored;
        }
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
