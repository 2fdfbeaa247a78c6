package dev.sema.accounts;

/**
 * A key just created, with its secrets: the only moment they exist outside the client.
 *
 * @param signingSecret the HMAC secret of its signed requests; null when no sealing key is configured
 */
public record NewKey(ApiKey key, String secret, String signingSecret) {

    @Override
    public String toString() {
        return "NewKey[" + key.id() + "]"; // never the secrets, wherever a record ends up printed
    }
}
