package dev.sema.fleet;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the replicas of one deployment meet; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param url           {@code sema.redis-url} ({@code SEMA_REDIS_URL}): {@code redis://} or {@code rediss://}, a
 *                      password in the URL ({@code redis://:secret@host:6379/0}); empty = no shared store, each
 *                      replica keeps limits and cache to itself
 * @param prefix        {@code sema.redis-prefix}: put before every key and channel, so deployments (or test runs)
 *                      can share one Redis
 * @param timeout       {@code sema.redis-timeout-ms}: longest a request waits for Redis before it carries on without
 * @param retryInterval {@code sema.redis-retry-ms}: while Redis is away, how often it is tried again (requests in
 *                      between do not wait for it)
 */
public record SharedStoreConfig(Optional<URI> url, String prefix, Duration timeout, Duration retryInterval) {

    public SharedStoreConfig {
        url.ifPresent(u -> {
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("redis") && !scheme.equals("rediss") || u.getHost() == null) {
                // the URL may hold a password: name the key, never the value
                throw new IllegalArgumentException("sema.redis-url (SEMA_REDIS_URL) must be redis://host:port or"
                        + " rediss://host:port");
            }
        });
        if (timeout.isNegative() || timeout.isZero() || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("sema.redis-timeout-ms and sema.redis-retry-ms must be positive");
        }
    }

    public static SharedStoreConfig from(Config config) {
        Optional<URI> url = config.getOptionalValue("sema.redis-url", String.class).map(String::strip)
                .filter(s -> !s.isEmpty()).map(SharedStoreConfig::uri);
        return new SharedStoreConfig(url, config.getValue("sema.redis-prefix", String.class),
                Duration.ofMillis(config.getValue("sema.redis-timeout-ms", long.class)),
                Duration.ofMillis(config.getValue("sema.redis-retry-ms", long.class)));
    }

    /** Whether replicas share state (a Redis URL is set). */
    public boolean enabled() {
        return url.isPresent();
    }

    private static URI uri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sema.redis-url (SEMA_REDIS_URL) is not a URL", null);
        }
    }
}
