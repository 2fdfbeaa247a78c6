package dev.sema.nllb;

/**
 * A model directory that cannot be served: a file missing, unreadable, or disagreeing with another file.
 * The message always names the file concerned, because that is what an operator has to fix.
 */
public class NllbModelException extends RuntimeException {

    public NllbModelException(String message) {
        super(message);
    }

    public NllbModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
