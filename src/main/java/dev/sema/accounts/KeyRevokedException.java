package dev.sema.accounts;

/** An admin request tries to change a revoked key; revocation is final (create a new key instead). */
public final class KeyRevokedException extends AccountsException {

    public KeyRevokedException(String id) {
        super("API key '" + id + "' is revoked and cannot be changed; create a new key.");
    }
}
