package dev.sema.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.util.Optional;

/**
 * Who a request is, by its bearer token, under the configured {@link AccountsMode}. Looked-up keys (and tokens that
 * are no key) are cached for {@code sema.api-key-cache-seconds}, so a busy key costs no query per request and a
 * flood of made-up tokens no more than one query each per period; a key changed or revoked here is dropped at
 * once, on other servers within that time.
 */
public final class KeyAuthenticator {

    private final AccountsMode mode;
    private final KeyStore store;
    private final AccountsEvents events;
    private final Clock clock;
    private final Cache<String, Optional<ApiKey>> byDigest;

    KeyAuthenticator(AccountsConfig config, KeyStore store, AccountsEvents events, Clock clock) {
        this.mode = config.mode();
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.byDigest = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.keyCacheTtl())
                .executor(Runnable::run) // maintenance on the caller: no background threads in the app server
                .build();
    }

    /**
     * @param bearer the request's bearer token, if any
     * @return the key, or empty for an anonymous request (no token, or mode off)
     * @throws ApiKeyRequiredException      no token and mode required
     * @throws InvalidApiKeyException       a token that is no usable key
     * @throws AccountsUnavailableException the key is not cached and the database cannot be asked
     */
    public Optional<ApiKey> authenticate(Optional<String> bearer) {
        if (mode == AccountsMode.OFF) {
            return Optional.empty();
        }
        if (bearer.isEmpty()) {
            if (mode == AccountsMode.REQUIRED) {
                events.authFailed("missing");
                throw new ApiKeyRequiredException();
            }
            return Optional.empty();
        }
        return Optional.of(require(bearer.get()));
    }

    /** The key a token names, whatever the mode (the usage route always needs one). */
    public ApiKey require(String secret) {
        Optional<ApiKey> key = byDigest.get(KeySecrets.digest(secret), store::findByDigest);
        if (key.isEmpty()) {
            events.authFailed("unknown");
            throw new InvalidApiKeyException("unknown");
        }
        KeyStatus status = key.get().status(clock.instant());
        if (status != KeyStatus.ACTIVE) {
            events.authFailed(status.label());
            throw new InvalidApiKeyException(status.label());
        }
        return key.get();
    }

    /** Forgets every cached key: one was changed on this server. */
    void forgetAll() {
        byDigest.invalidateAll();
    }
}
