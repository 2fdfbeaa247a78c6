package dev.sema.models.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The Hub answered a status worth retrying (429, 5xx), possibly with a {@code Retry-After}. */
final class TransientStatusException extends IOException {

    private final int status;
    private final transient Optional<Duration> retryAfter;

    TransientStatusException(int status, Optional<Duration> retryAfter, String what) {
        super("HTTP " + status + " from " + what);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
