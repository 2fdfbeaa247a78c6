package dev.sema.failure;

/** Every inference slot is busy and the queue in front of them is full. */
public final class OverloadedException extends SemaException {

    public OverloadedException() {
        super("Every inference slot is busy and the queue is full; retry shortly.");
    }
}
