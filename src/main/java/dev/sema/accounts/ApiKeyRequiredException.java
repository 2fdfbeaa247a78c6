package dev.sema.accounts;

/** {@code SEMA_API_KEYS=required} and the request carries no key. */
public final class ApiKeyRequiredException extends AccountsException {

    public ApiKeyRequiredException() {
        super("This server requires an API key: send 'Authorization: Bearer <key>'.");
    }
}
