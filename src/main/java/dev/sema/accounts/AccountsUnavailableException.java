package dev.sema.accounts;

/** The accounts database cannot be reached (or answered with an error); key requests wait for it. */
public final class AccountsUnavailableException extends AccountsException {

    private final int retryAfterSeconds;

    public AccountsUnavailableException(int retryAfterSeconds, Throwable cause) {
        super("The accounts database is unavailable; requests with an API key cannot be served right now.", cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
