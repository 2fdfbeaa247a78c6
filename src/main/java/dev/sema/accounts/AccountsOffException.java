package dev.sema.accounts;

/** A key or usage route on a server running with {@code SEMA_API_KEYS=off}. */
public final class AccountsOffException extends AccountsException {

    public AccountsOffException() {
        super("API keys are off on this server (SEMA_API_KEYS=off).");
    }
}
