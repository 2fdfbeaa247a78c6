package dev.sema.accounts;

import java.time.Duration;

/**
 * Settings of API keys and quotas; defaults in {@code META-INF/microprofile-config.properties}. Where the data lives
 * is the Liberty dataSource's business ({@code SEMA_DB_URL} / {@code SEMA_DATA_DIR} in server.xml).
 *
 * @param mode                 {@code sema.api-keys}: off, optional or required
 * @param keyCacheTtl          {@code sema.api-key-cache-seconds}: how long a looked-up key is believed without asking
 *                             the database again (at most 30 s: a revoked or changed key takes effect on every server
 *                             within it; while the database is unreachable, cached keys still authenticate)
 * @param retryAfterSeconds    {@code sema.accounts-retry-after}: Retry-After of 503 {@code accounts_unavailable}
 * @param reservationTimeout   {@code sema.accounts-reservation-timeout}: a quota reservation older than this belongs
 *                             to a server that died mid-request and is released by whichever server sweeps first
 * @param leaseCharacters      {@code sema.accounts-lease-characters}: characters a server reserves ahead for a key's
 *                             next requests, so that they are admitted without a database round trip (0: every
 *                             request reserves its own)
 * @param auditRetention       {@code sema.audit-retention} (days): how long audit rows are kept; zero keeps them for
 *                             ever
 */
public record AccountsConfig(AccountsMode mode, Duration keyCacheTtl, int retryAfterSeconds,
                             Duration reservationTimeout, long leaseCharacters, Duration auditRetention) {

    static final Duration MAX_KEY_CACHE = Duration.ofSeconds(30);

    public AccountsConfig {
        if (keyCacheTtl.isNegative() || keyCacheTtl.compareTo(MAX_KEY_CACHE) > 0) {
            throw new IllegalArgumentException("sema.api-key-cache-seconds must be 0 to 30, got "
                    + keyCacheTtl.toSeconds());
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("sema.accounts-retry-after must be at least 1, got " + retryAfterSeconds);
        }
        if (reservationTimeout.toSeconds() < 60) {
            throw new IllegalArgumentException("sema.accounts-reservation-timeout must be at least 60 s, got "
                    + reservationTimeout.toSeconds());
        }
        if (auditRetention.isNegative()) {
            throw new IllegalArgumentException("sema.audit-retention must be 0 or more days, got "
                    + auditRetention.toDays());
        }
        if (leaseCharacters < 0) {
            throw new IllegalArgumentException("sema.accounts-lease-characters must be 0 or more, got "
                    + leaseCharacters);
        }
    }

    public boolean enabled() {
        return mode != AccountsMode.OFF;
    }
}
