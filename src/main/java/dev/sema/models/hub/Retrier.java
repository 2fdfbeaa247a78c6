package dev.sema.models.hub;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/** Runs one network operation under a {@link RetryPolicy} and turns the final failure into a {@link HubException}. */
final class Retrier {

    private static final Logger LOG = Logger.getLogger(Retrier.class.getName());

    /** One attempt; a {@link HubException} is final, an {@link IOException} is retried. */
    interface Attempt<T> {
        T run() throws IOException;
    }

    private final RetryPolicy policy;
    private final URI endpoint;

    Retrier(RetryPolicy policy, URI endpoint) {
        this.policy = policy;
        this.endpoint = endpoint;
    }

    /** @param what the operation in words, for logs and errors ("downloading onnx/encoder_model.onnx") */
    <T> T run(String what, Attempt<T> attempt) {
        return run(what, attempt, () -> 0);
    }

    /**
     * Like {@link #run(String, Attempt)}, but an attempt that failed after moving {@code progress} forward
     * (bytes on disk) starts a fresh count: a large file on a flaky line gets there drop by drop, while a
     * transfer that keeps failing without progress still gives up after {@code maxAttempts}.
     */
    <T> T run(String what, Attempt<T> attempt, LongSupplier progress) {
        long mark = progress.getAsLong();
        for (int n = 1; ; n++) {
            IOException failure;
            try {
                return attempt.run();
            } catch (IOException e) {
                failure = e;
            }
            long now = progress.getAsLong();
            if (now > mark) {
                mark = now;
                n = 1;
            }
            // A name that does not resolve will not resolve in a few seconds either: fail fast.
            if (n >= policy.maxAttempts() || isDnsFailure(failure)) {
                throw finalFailure(what, failure, n);
            }
            Optional<Duration> retryAfter = failure instanceof TransientStatusException t
                    ? t.retryAfter() : Optional.empty();
            Duration delay = policy.delayBefore(n, retryAfter);
            LOG.warning(String.format("%s failed (%s); attempt %d of %d in %d ms", what, failure.getMessage(),
                    n + 1, policy.maxAttempts(), delay.toMillis()));
            sleep(delay);
        }
    }

    private HubException finalFailure(String what, IOException failure, int attempts) {
        if (failure instanceof TransientStatusException t) {
            return new HubException(HubException.Reason.HUB_ERROR, "The Hugging Face Hub at " + endpoint
                    + " answered HTTP " + t.status() + " " + attempts + " time(s) while " + what
                    + ". It is probably overloaded or down: try again later, or raise sema.hub-max-attempts.",
                    failure);
        }
        return new HubException(HubException.Reason.UNREACHABLE, "Cannot reach the Hugging Face Hub at "
                + endpoint + " while " + what + " (" + describe(failure) + ", " + attempts + " attempt(s)). "
                + "Without internet access, point sema.model-dir (SEMA_MODEL_DIR) and sema.lid-model "
                + "(SEMA_LID_MODEL) at local copies of the models, or set HF_HUB_OFFLINE=1 to use a Hugging Face "
                + "cache that already holds them (HF_HUB_CACHE); behind a proxy or mirror, set HF_ENDPOINT.",
                failure);
    }

    static String describe(Throwable failure) {
        if (isDnsFailure(failure)) {
            return "host name does not resolve";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean isDnsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.INTERRUPTED, "interrupted while waiting to retry", e);
        }
    }
}
