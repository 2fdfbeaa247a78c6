package dev.sema.models.hub;

/**
 * A model could not be obtained from the Hugging Face Hub or its local cache. The message is written for the
 * person running Sema: it says what failed and what to change (token, repository, offline settings, local copy).
 */
public final class HubException extends RuntimeException {

    /** What went wrong, so callers can react (health detail, retry later) without parsing messages. */
    public enum Reason {
        /** 401/403: gated or private repository, missing or rejected token. */
        UNAUTHORIZED,
        /** 404: repository, revision or file does not exist. */
        NOT_FOUND,
        /** DNS failure, connection refused, timeouts: the Hub cannot be reached. */
        UNREACHABLE,
        /** Offline mode (or Hub unreachable) and the local cache lacks what is needed. */
        NOT_CACHED,
        /** Downloaded bytes do not match the checksum the Hub announced. */
        CHECKSUM_MISMATCH,
        /** The Hub kept failing (5xx, 429) or answered something unexpected. */
        HUB_ERROR,
        /** The Hub cache cannot be read or written (permissions, disk full). */
        CACHE_UNWRITABLE,
        /** A configured local model path is missing or incomplete. */
        LOCAL_MODEL_INVALID,
        /** The calling thread was interrupted while waiting for the network. */
        INTERRUPTED
    }

    private final Reason reason;

    public HubException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public HubException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
