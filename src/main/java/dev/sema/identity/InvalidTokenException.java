package dev.sema.identity;

/**
 * A bearer that looks like a token but is not one this server accepts: expired, not yet valid, another issuer or
 * audience, a signature that does not verify, an algorithm outside the allowed asymmetric ones ({@code none}, HMAC).
 * The message says which, in words fit for the client; it never contains the token.
 */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
