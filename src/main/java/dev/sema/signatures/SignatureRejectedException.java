package dev.sema.signatures;

/**
 * A signed request that is not admitted, and why. Its message names the problem for the client and never holds a
 * secret or the expected signature.
 */
public final class SignatureRejectedException extends RuntimeException {

    /** Why a signature was refused; the edge answers each with its own error code. */
    public enum Reason {
        /** Missing, malformed, for another key, or not matching the request's bytes. */
        INVALID,
        /** {@code created} further from the server's clock than the allowed skew, or past {@code expires}. */
        EXPIRED,
        /** A nonce this key used within the window. */
        REPLAYED
    }

    private final Reason reason;

    SignatureRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static SignatureRejectedException invalid(String message) {
        return new SignatureRejectedException(Reason.INVALID, message);
    }

    public Reason reason() {
        return reason;
    }
}
