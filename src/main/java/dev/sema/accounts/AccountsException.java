package dev.sema.accounts;

/**
 * Everything accounts can refuse, with no HTTP in it: the edge ({@code api.error.AccountsExceptionMapper}) gives
 * each kind its status, wire code and headers. Sealed, so a new kind is a deliberate decision at the edge too.
 * Messages may be shown to the client; they never contain a secret.
 */
public abstract sealed class AccountsException extends RuntimeException
        permits ApiKeyRequiredException, InvalidApiKeyException, QuotaExceededException,
        AccountsUnavailableException, AccountsOffException, UnknownKeyException, KeyRevokedException,
        SigningUnavailableException {

    protected AccountsException(String message) {
        super(message);
    }

    protected AccountsException(String message, Throwable cause) {
        super(message, cause);
    }
}
