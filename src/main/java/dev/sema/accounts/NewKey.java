package dev.sema.accounts;

/** A key just created, with its secret: the only moment the secret exists outside the client. */
public record NewKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "NewKey[" + key.id() + "]"; // never the secret, wherever a record ends up printed
    }
}
