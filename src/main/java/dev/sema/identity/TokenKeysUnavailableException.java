package dev.sema.identity;

/** The issuer's signing keys could not be fetched, so no token can be checked now (not the caller's fault). */
public final class TokenKeysUnavailableException extends RuntimeException {

    public TokenKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
