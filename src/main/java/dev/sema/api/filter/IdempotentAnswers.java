package dev.sema.api.filter;

import dev.sema.api.error.ApiException;
import dev.sema.documents.DocumentCipher;
import dev.sema.idempotency.IdempotencyRecords;
import dev.sema.idempotency.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The verdict on a request with an idempotency key ({@link IdempotencyFilter}): go on with the claim noted in the
 * request's properties, replay the stored answer, or refuse (409 while the first runs, 422 for another request).
 * A multipart upload is judged by its resource, once it has read the form ({@link #begin(HttpServletRequest, byte[])}):
 * its parts, not the boundary that clients draw anew for every request, make two uploads the same, and the filter
 * leaves its body alone for the runtime's multipart reader.
 *
 * <p>Answers are kept sealed under a key derived from the request ({@link RequestFingerprint}), which only a retry
 * brings back: a document upload's answer holds the document's key, and a copy of the store must not open it.
 */
@ApplicationScoped
public class IdempotentAnswers {

    static final String CLAIM = IdempotentAnswers.class.getName() + ".claim";
    static final String ANSWER_KEY = IdempotentAnswers.class.getName() + ".answerKey";
    private static final String DEFERRED = IdempotentAnswers.class.getName() + ".deferred";
    /** How long past a lease a balancer replay waits for a dead replica's claim to lapse. */
    private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(1);
    /** What the sealed answers are bound to, so no other sealed bytes pass for one. */
    private static final String SEALED_ANSWER = "idempotent-answer";

    private final IdempotencyRecords records;

    @Inject
    public IdempotentAnswers(IdempotencyRecords records) {
        this.records = records;
    }

    /** For the CDI client proxy only. */
    protected IdempotentAnswers() {
        this(null);
    }

    /** The record's key and the request's route, kept for the resource that reads the body. */
    private record Deferred(String key, boolean byBalancer, String replayId, String method, String path) {
    }

    /** Leaves the verdict to the resource, which calls {@link #begin(HttpServletRequest, byte[])} with its form. */
    void defer(ContainerRequestContext request, String key, boolean byBalancer, String replayId) {
        request.setProperty(DEFERRED, new Deferred(key, byBalancer, replayId, request.getMethod(),
                request.getUriInfo().getPath()));
    }

    /**
     * The verdict on a multipart upload whose form the resource has read.
     *
     * @param form the upload's fields and files in a form of the resource's own, the same for the same upload
     * @return the first answer to send again, or empty to go on (also when the request has no idempotency key)
     */
    public Optional<Response> begin(HttpServletRequest request, byte[] form) {
        if (!(request.getAttribute(DEFERRED) instanceof Deferred deferred)) {
            return Optional.empty();
        }
        return begin(deferred.key(), deferred.byBalancer(), deferred.replayId(),
                RequestFingerprint.of(deferred.method(), deferred.path(), form), request::setAttribute);
    }

    /**
     * @param byBalancer whether the key is the balancer's request id (no Idempotency-Key), kept the shorter while
     * @param replayId   the balancer's request id when a trusted balancer sent the request, else null: a replay that
     *                   finds its own first try's claim waits for it to end or lapse instead of answering 409
     * @param properties where the claim is noted for the response filter, on going on
     * @return the first answer to send again, or empty to go on
     */
    Optional<Response> begin(String key, boolean byBalancer, String replayId, RequestFingerprint fingerprint,
                             BiConsumer<String, Object> properties) {
        Duration retention = byBalancer ? records.config().balancerRetention() : records.config().retention();
        Verdict verdict;
        try {
            verdict = replayId != null
                    ? records.await(key, fingerprint.digest(), retention, replayId, REPLAY_PATIENCE)
                    : records.begin(key, fingerprint.digest(), retention);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "The server is stopping; retry.");
        }
        if (verdict instanceof Verdict.Proceed proceed) {
            properties.accept(CLAIM, proceed.claim());
            properties.accept(ANSWER_KEY, fingerprint.answerKey());
            return Optional.empty();
        } else if (verdict instanceof Verdict.Replay replay) {
            return Optional.of(Response.status(replay.answer().status()).type(replay.answer().contentType())
                    .entity(opened(replay.answer().body(), fingerprint.answerKey()))
                    .header("Idempotent-Replayed", "true").build());
        } else if (verdict instanceof Verdict.Busy) {
            throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still"
                    + " running; retry once it has answered.");
        }
        throw new ApiException(422, "idempotency_key_reused", "This Idempotency-Key was used for a different"
                + " request; use a new key for a new request.");
    }

    static byte[] sealed(byte[] answer, byte[] answerKey) {
        return DocumentCipher.seal(answerKey, answer, SEALED_ANSWER);
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
}
