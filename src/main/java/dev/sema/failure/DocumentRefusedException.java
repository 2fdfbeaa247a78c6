package dev.sema.failure;

/** A document the service will not take or give out, and why. */
public final class DocumentRefusedException extends SemaException {

    /** Why; the edge gives each its status and wire code. */
    public enum Reason {
        /** Larger than {@code sema.document-max-bytes}. */
        TOO_LARGE,
        /** No format recognises the file. */
        UNSUPPORTED_TYPE,
        /** The caller has as many documents waiting or running as it may. */
        TOO_MANY_IN_FLIGHT,
        /** The queue of all callers is full. */
        QUEUE_FULL,
        /** No such document, or the key given is not its key. */
        UNKNOWN,
        /** The result was asked for before the job was done, or of a job that failed. */
        NOT_READY
    }

    private final Reason reason;

    public DocumentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
