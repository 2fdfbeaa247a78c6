package dev.sema.failure;

/** An inference (waiting for a slot included) outlasted the configured timeout, or its wait was interrupted. */
public final class InferenceTimeoutException extends SemaException {

    public InferenceTimeoutException(String message) {
        super(message);
    }
}
