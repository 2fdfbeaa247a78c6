package dev.sema.accounts;

/** An admin request names a key id that does not exist. */
public final class UnknownKeyException extends AccountsException {

    public UnknownKeyException(String id) {
        super("No API key with id '" + id + "'.");
    }
}
